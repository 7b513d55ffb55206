/*
 * help.c
 *   The help screen (see help.h): a list view of keys and what they do.
 */
#include "config.h"

#include "ui/help.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/listview.h"

/* Keys that are no action of ACTION_LIST: lists and the command line. */
struct fixed_key {
    const char *keys;
    const char *label; /* N_() */
};

static const struct fixed_key list_keys[] = {
    {"Up/Down", N_("Move the selection")},
    {"PgUp/PgDn ^Y/^V", N_("Page up / page down")},
    {"Home/End", N_("First / last row")},
    {"Space", N_("Mark the row (where several can be chosen)")},
};

static const struct fixed_key line_keys[] = {
    {"^A/^E Home/End", N_("Start / end of the line")},
    {"^B/^F Left/Right", N_("Back / forward a character")},
    {"Alt-B/Alt-F", N_("Back / forward a word")},
    {"^K/^U", N_("Delete to the end / to the start")},
    {"^W", N_("Delete the word before the cursor")},
    {"Up/Down", N_("Earlier / later lines (history)")},
    {"^R", N_("Search the history")},
    {"Enter", N_("Accept")},
    {"Esc ^G", N_("Cancel")},
};

/* The global keys, handled by the app when a screen does not. */
static const enum action global_actions[] = {ACT_HELP, ACT_COMMAND, ACT_DETAILS,
                                             ACT_QUIT};

#define MAX_ROWS                                                               \
    (ACT_COUNT + 12 + sizeof(list_keys) / sizeof(list_keys[0]) +               \
     sizeof(line_keys) / sizeof(line_keys[0]))

struct help_row {
    char keys[48];
    const char *label; /* translated */
    bool heading;
};

struct help {
    struct listview lv;
    struct lv_column cols[2];
    struct help_row rows[MAX_ROWS];
    int n;
    const char *cells[2];
    char title[256];
};

static const enum action help_actions[] = {ACT_BACK, ACT_NONE};

static void
add_heading(struct help *h, const char *text)
{
    if (h->n >= (int)MAX_ROWS)
        return;
    h->rows[h->n].keys[0] = '\0';
    h->rows[h->n].label = text;
    h->rows[h->n].heading = true;
    h->n++;
}

static void
add_row(struct help *h, const char *keys, const char *label)
{
    if (h->n >= (int)MAX_ROWS)
        return;
    snprintf(h->rows[h->n].keys, sizeof(h->rows[0].keys), "%s", keys);
    h->rows[h->n].label = label;
    h->rows[h->n].heading = false;
    h->n++;
}

static void
add_action(struct help *h, enum action a, struct screen *below)
{
    char names[48];
    const char *label = below != NULL && below->ops->action_label != NULL
                            ? below->ops->action_label(below, a)
                            : NULL;

    keys_names(a, KEYS_ALL, names, sizeof(names));
    add_row(h, names, label != NULL ? label : keys_label(a));
}

static bool
help_row(void *arg, int index, struct lv_row *row)
{
    struct help *h = arg;

    if (index < 0 || index >= h->n)
        return false;
    if (h->rows[index].heading) {
        h->cells[0] = h->rows[index].label;
        h->cells[1] = "";
        row->span = true;
        row->attr = UA_HEADER;
    } else {
        h->cells[0] = h->rows[index].keys;
        h->cells[1] = h->rows[index].label;
    }
    row->cells = h->cells;
    return true;
}

static void
help_layout(struct screen *s, int top, int rows, int cols)
{
    struct help *h = s->data;

    listview_layout(&h->lv, top, 0, rows, cols);
}

static void
help_draw(struct screen *s)
{
    struct help *h = s->data;

    listview_draw(&h->lv);
}

static enum key_result
help_key(struct screen *s, const struct key *k)
{
    struct help *h = s->data;

    if (k->action == ACT_BACK || k->action == ACT_HELP)
        return KR_CLOSE;
    return listview_key(&h->lv, k);
}

static const enum action *
help_actions_of(struct screen *s)
{
    (void)s;
    return help_actions;
}

static const char *
help_title(struct screen *s)
{
    struct help *h = s->data;

    return h->title;
}

static void
help_close(struct screen *s)
{
    struct help *h = s->data;

    listview_free(&h->lv);
    free(h);
    free(s);
}

static const struct screen_ops help_ops = {
    .name = "help",
    .layout = help_layout,
    .draw = help_draw,
    .key = help_key,
    .resumed = NULL,
    .actions = help_actions_of,
    .title = help_title,
    .close = help_close,
};

struct screen *
help_screen_new(struct app *a, struct screen *below)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct help *h = calloc(1, sizeof(*h));
    const char *below_title = NULL;

    if (s == NULL || h == NULL) {
        free(s);
        free(h);
        return NULL;
    }
    s->ops = &help_ops;
    s->app = a;
    s->data = h;

    if (below != NULL && below->ops->title != NULL)
        below_title = below->ops->title(below);
    if (below_title != NULL && below_title[0] != '\0')
        snprintf(h->title, sizeof(h->title), _("Help: %s"), below_title);
    else
        snprintf(h->title, sizeof(h->title), "%s", _("Help"));

    if (below != NULL && below->ops->actions != NULL) {
        const enum action *acts = below->ops->actions(below);

        add_heading(h, _("On this screen"));
        for (int i = 0; acts != NULL && acts[i] != ACT_NONE && i < ACT_COUNT;
             i++)
            add_action(h, acts[i], below);
    }
    if (below != NULL && below->ops->help_note != NULL) {
        const char *keys, *text;

        for (int i = 0; h->n < (int)MAX_ROWS &&
                        below->ops->help_note(below, i, &keys, &text);
             i++)
            add_row(h, keys, text);
    }
    add_heading(h, _("Everywhere"));
    for (size_t i = 0; i < sizeof(global_actions) / sizeof(global_actions[0]);
         i++)
        add_action(h, global_actions[i], NULL);
    add_heading(h, _("In lists"));
    for (size_t i = 0; i < sizeof(list_keys) / sizeof(list_keys[0]); i++)
        add_row(h, list_keys[i].keys, _(list_keys[i].label));
    add_heading(h, _("On the command line (:) and in prompts"));
    for (size_t i = 0; i < sizeof(line_keys) / sizeof(line_keys[0]); i++)
        add_row(h, line_keys[i].keys, _(line_keys[i].label));

    h->cols[0].title = _("Key");
    h->cols[0].width = 20;
    h->cols[1].title = _("Action");
    h->cols[1].width = 0;
    listview_init(&h->lv, h->cols, 2, help_row, h);
    listview_set_rows(&h->lv, h->n, false);
    return s;
}
