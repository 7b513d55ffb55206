/*
 * pairrows.c
 *   The rows of a pair's page (pairpage.c, issue 15) as its sections
 *   show them: the cells of a row of each section, and the selected
 *   row in full (two lines under the list).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "screens/listbase.h"
#include "screens/pairs.h"

static const char *
c(const struct dbres *r, int i, const char *col)
{
    return listbase_text(r, i, col);
}

void
pairpage_cells(enum pair_section sec, const struct dbres *r, int i,
               const char **cells, char (*buf)[PAIRPAGE_CELL], size_t bufsz)
{
    const char *v;

    switch (sec) {
    case PS_TARGETS:
        cells[0] = c(r, i, "year");
        cells[1] = pair_word(PW_TARGET, c(r, i, "kind"));
        cells[2] = c(r, i, "what");
        cells[3] = c(r, i, "due_on");
        cells[4] = c(r, i, "who");
        cells[5] = c(r, i, "quantity");
        break;
    case PS_ACTIVITIES:
        cells[0] = c(r, i, "held_on");
        cells[1] = pair_word(PW_ACTIVITY, c(r, i, "kind"));
        cells[2] = c(r, i, "place");
        cells[3] = c(r, i, "content");
        break;
    case PS_MONTHLY:
        cells[0] = c(r, i, "month");
        cells[1] = c(r, i, "content");
        cells[2] = c(r, i, "entered");
        break;
    case PS_QUARTERLY:
        snprintf(buf[0], bufsz, "%s Q%s", c(r, i, "year"), c(r, i, "quarter"));
        cells[0] = buf[0];
        cells[1] = pair_word(PW_QUARTERLY, c(r, i, "kind"));
        cells[2] = c(r, i, "held_on");
        cells[3] = c(r, i, "content");
        break;
    case PS_CHECKS:
    default: {
        bool first = strcmp(c(r, i, "first"), "t") == 0;

        cells[0] = first ? c(r, i, "inspected_on") : "";
        cells[1] = first ? pair_word(PW_VERDICT, c(r, i, "verdict")) : "";
        if (c(r, i, "rectification_id")[0] == '\0')
            cells[2] = c(r, i, "findings");
        else {
            snprintf(buf[2], bufsz, "%s %s", _("Notice:"), c(r, i, "demands"));
            cells[2] = buf[2];
        }
        cells[3] = c(r, i, "deadline");
        v = c(r, i, "responded_on");
        cells[4] = v[0]                                     ? v
                   : c(r, i, "rectification_id")[0] != '\0' ? _("none yet")
                                                            : "";
        break;
    }
    }
}

void
pairpage_detail(enum pair_section sec, const struct dbres *r, int sel,
                char *text, size_t textsz, char *more, size_t moresz)
{
    text[0] = more[0] = '\0';
    if (sel >= 0)
        switch (sec) {
        case PS_TARGETS:
            snprintf(text, textsz, "%s", c(r, sel, "what"));
            snprintf(more, moresz, "%s %s \xc2\xb7 %s \xc2\xb7 %s", _("by"),
                     c(r, sel, "due_on"), c(r, sel, "who"),
                     c(r, sel, "quantity"));
            break;
        case PS_ACTIVITIES:
            snprintf(text, textsz, "%s \xc2\xb7 %s", c(r, sel, "place"),
                     c(r, sel, "people"));
            snprintf(more, moresz, "%s", c(r, sel, "content"));
            break;
        case PS_CHECKS:
            /* TRANSLATORS: the inspectors, their findings */
            snprintf(text, textsz, _("%s: %s"), c(r, sel, "inspectors"),
                     c(r, sel, "findings"));
            if (c(r, sel, "rectification_id")[0] != '\0')
                snprintf(more, moresz, _("Response: %s"),
                         c(r, sel, "response")[0] ? c(r, sel, "response")
                                                  : _("none yet"));
            break;
        default:
            snprintf(text, textsz, "%s", c(r, sel, "content"));
            break;
        }
}
