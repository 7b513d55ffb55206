/*
 * codeword.h
 *   A table of the codes a CHECK constraint allows and their words (for
 *   the lists, the pages and the pick lists of the screens that show
 *   them: the pairing's, the rural teachers'), ended by a NULL code.
 */
#ifndef EDUAID_CORE_CODEWORD_H
#define EDUAID_CORE_CODEWORD_H

#include <stddef.h>

struct code_word {
    const char *code;
    const char *word; /* N_(): translated when looked up */
};

/* The word of code in table w, translated; code itself when w has none
 * for it; "" for NULL. */
const char *code_word(const struct code_word *w, const char *code);

/* The i-th code of table w, or NULL past its end. */
const char *code_word_at(const struct code_word *w, size_t i);

#endif
