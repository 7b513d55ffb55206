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

#define MAX_ROWS HELP_MAX_LINES

struct help {
    struct listview lv;
    struct lv_column cols[2];
    struct help_line rows[MAX_ROWS];
    int n;
    const char *cells[2];
    char title[256];
};

static const enum action help_actions[] = {ACT_BACK, ACT_NONE};

/* The lines being built. */
struct lines_out {
    struct help_line *v;
    int n, max;
};

static struct help_line *
next_line(struct lines_out *o, const char *keys, const char *label)
{
    struct help_line *l;

    if (o->n >= o->max)
        return NULL;
    l = &o->v[o->n++];
    memset(l, 0, sizeof(*l));
    snprintf(l->keys, sizeof(l->keys), "%s", keys);
    snprintf(l->label, sizeof(l->label), "%s", label);
    return l;
}

static void
add_heading(struct lines_out *o, const char *text)
{
    struct help_line *l = next_line(o, "", text);

    if (l != NULL)
        l->heading = true;
}

/* An action of the screen's table: plain when available now, else dimmed
 * with why. */
static void
add_action(struct lines_out *o, struct screen *below,
           const struct action_now *an)
{
    char names[48], label[sizeof(o->v[0].label)];
    const char *own = below != NULL && below->ops->action_keys != NULL
                          ? below->ops->action_keys(below, an->a)
                          : NULL;
    struct help_line *l;

    if (own != NULL)
        snprintf(names, sizeof(names), "%s", own);
    else
        keys_names(an->a, KEYS_ALL, names, sizeof(names));
    if (an->available || an->why == NULL)
        snprintf(label, sizeof(label), "%s", an->label);
    else
        snprintf(label, sizeof(label), _("%s (not now: %s)"), an->label,
                 an->why);
    if ((l = next_line(o, names, label)) != NULL)
        l->unavailable = !an->available;
}

/* Whether the control key named name ("^A") means an action of the key
 * map: then it is that action's on every screen, not an editing key
 * (editkeys.h: actions come first). */
static bool
bound_to_action(const char *name)
{
    struct key k;

    memset(&k, 0, sizeof(k));
    if (name[0] != '^') /* Esc and Enter cancel and accept there too */
        return false;
    if (keys_parse_name(name, &k.code, &k.is_function) != 0)
        return false;
    return keys_action(&k) != ACT_NONE;
}

/* A fixed line's keys ("^A/^E Home/End") without the names that are bound
 * to actions: one meaning per key on the page. Returns false when no name
 * is left. */
static bool
unbound_names(const char *keys, char *out, size_t outsz)
{
    char copy[64], *save = NULL;
    size_t used = 0;

    snprintf(copy, sizeof(copy), "%s", keys);
    out[0] = '\0';
    for (char *group = strtok_r(copy, " ", &save); group != NULL;
         group = strtok_r(NULL, " ", &save)) {
        char kept[64] = "", *save2 = NULL;
        size_t k = 0;

        for (char *name = strtok_r(group, "/", &save2); name != NULL;
             name = strtok_r(NULL, "/", &save2)) {
            if (bound_to_action(name))
                continue;
            k += (size_t)snprintf(kept + k, sizeof(kept) - k, "%s%s",
                                  k > 0 ? "/" : "", name);
            if (k >= sizeof(kept))
                k = sizeof(kept) - 1;
        }
        if (k == 0)
            continue;
        used += (size_t)snprintf(out + used, outsz - used, "%s%s",
                                 used > 0 ? " " : "", kept);
        if (used >= outsz)
            used = outsz - 1;
    }
    return used > 0;
}

static void
add_fixed(struct lines_out *o, const struct fixed_key *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char keys[64];

        if (unbound_names(f[i].keys, keys, sizeof(keys)))
            next_line(o, keys, _(f[i].label));
    }
}

int
help_lines(struct screen *below, struct help_line *out, int max)
{
    struct lines_out o = {out, 0, max};
    struct action_now now[ACT_COUNT];
    int n = screen_actions_now(below, now, ACT_COUNT);

    if (below != NULL && below->ops->actions != NULL) {
        add_heading(&o, _("On this screen"));
        for (int i = 0; i < n; i++)
            add_action(&o, below, &now[i]);
    }
    if (below != NULL && below->ops->help_note != NULL) {
        const char *keys, *text;

        for (int i = 0;
             o.n < o.max && below->ops->help_note(below, i, &keys, &text); i++)
            next_line(&o, keys, text);
    }
    add_heading(&o, _("Everywhere"));
    for (size_t i = 0; i < sizeof(global_actions) / sizeof(global_actions[0]);
         i++) {
        struct action_now an = {global_actions[i], true, NULL,
                                keys_label(global_actions[i])};
        bool listed = false;

        for (int j = 0; j < n; j++)
            listed = listed || now[j].a == an.a;
        if (!listed) /* once on the page */
            add_action(&o, NULL, &an);
    }
    add_heading(&o, _("In lists"));
    add_fixed(&o, list_keys, sizeof(list_keys) / sizeof(list_keys[0]));
    add_heading(&o, _("On the command line (:) and in prompts"));
    add_fixed(&o, line_keys, sizeof(line_keys) / sizeof(line_keys[0]));
    return o.n;
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
        if (h->rows[index].unavailable)
            row->attr = UA_GONE; /* dimmed: not now */
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

    h->n = help_lines(below, h->rows, MAX_ROWS);

    h->cols[0].title = _("Key");
    h->cols[0].width = 20;
    h->cols[1].title = _("Action");
    h->cols[1].width = 0;
    listview_init(&h->lv, h->cols, 2, help_row, h);
    listview_set_rows(&h->lv, h->n, false);
    return s;
}
