/*
 * codeword.c
 *   Looking up a code's word and a table's codes in order (codeword.h).
 */
#include "config.h"

#include "core/codeword.h"

#include <string.h>

#include "core/i18n.h"

const char *
code_word(const struct code_word *w, const char *code)
{
    if (w == NULL || code == NULL)
        return "";
    for (; w->code != NULL; w++)
        if (strcmp(w->code, code) == 0)
            return _(w->word);
    return code;
}

const char *
code_word_at(const struct code_word *w, size_t i)
{
    if (w == NULL)
        return NULL;
    for (size_t k = 0; k < i; k++)
        if (w[k].code == NULL)
            return NULL;
    return w[i].code;
}
