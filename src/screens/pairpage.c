/*
 * pairpage.c
 *   One pair's page (issue 15).
 */
#include "config.h"

#include "screens/screens.h"

struct screen *
pairpage_screen_new(struct app *a, const char *township, const char *pair)
{
    (void)a;
    (void)township;
    (void)pair;
    return NULL;
}
