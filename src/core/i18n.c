/*
 * i18n.c
 *   Choosing the language the UI speaks (see i18n.h).
 */
#include "config.h"

#include "core/i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

bool
speak_chinese(const char *language)
{
    const char *lc;

    if (strcmp(language, "zh_CN") == 0) {
        setenv("LANGUAGE", "zh_CN", 1);
        return true;
    }
    if (strcmp(language, "en") == 0) {
        setenv("LANGUAGE", "en", 1);
        return false;
    }
    lc = setlocale(LC_MESSAGES, NULL);
    return lc != NULL && strncmp(lc, "zh", 2) == 0;
}
