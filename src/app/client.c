/*
 * client.c
 *   Start-up of the interactive client: configuration, language, form
 *   definitions and the first connection are settled before curses takes
 *   the terminal, so that a broken file or form is a plain message on
 *   stderr ("file:line: ...") and a non-zero exit. Then the app loop runs
 *   the login screen (when a password is needed or the server did not
 *   answer) or the menu.
 */
#include "config.h"

#include "app/client.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/formdef.h"
#include "core/i18n.h"
#include "core/safefile.h"
#include "core/settings.h"
#include "db/db.h"
#include "db/messages.h"
#include "screens/screens.h"
#include "screens/session.h"
#include "screens/status.h"
#include "ui/app.h"
#include "ui/headless.h"
#include "ui/keys.h"

/* The record kinds, in menu order; forms/<kind>.conf defines each. The
 * forms without a row of the main menu (menu = false: the pair agreement,
 * issue 15, opened from the pairing area) come last (menu.c). */
static const char *const kinds[] = {
    "household",      "training", "special_ed", "teacher_fund",
    "household_year", "pairing",  "admission" /* issue 17 H4 */};
#define N_KINDS (sizeof(kinds) / sizeof(kinds[0]))

static void
report(const struct formdef_error *e)
{
    if (e->line > 0)
        fprintf(stderr, "%s:%d: %s\n", e->file, e->line, e->message);
    else
        fprintf(stderr, "%s: %s\n", e->file, e->message);
}

/* Load forms/lookups.conf and every kind's form into a. 0 or -1. */
static int
load_forms(struct app *a, const char *dir)
{
    struct formdef_error err;
    char path[4096];

    snprintf(path, sizeof(path), "%s/lookups.conf", dir);
    if (lookupset_load(path, &a->lookups, &err) != 0) {
        report(&err);
        return -1;
    }
    a->forms = calloc(N_KINDS, sizeof(*a->forms));
    if (a->forms == NULL) {
        fprintf(stderr, _("%s: out of memory\n"), PACKAGE_NAME);
        return -1;
    }
    for (size_t i = 0; i < N_KINDS; i++) {
        snprintf(path, sizeof(path), "%s/%s.conf", dir, kinds[i]);
        if (formdef_load(path, &a->forms[i], &err) != 0 ||
            formdef_check_lookups(a->forms[i], a->lookups, &err) != 0) {
            report(&err);
            return -1;
        }
        a->nforms = i + 1;
    }
    return 0;
}

static void
free_app(struct app *a)
{
    if (a->db != NULL)
        db_close(a->db);
    messages_free(a->messages);
    for (size_t i = 0; i < a->nforms; i++)
        formdef_free(a->forms[i]);
    free(a->forms);
    if (a->lookups != NULL)
        lookupset_free(a->lookups);
    if (a->settings != NULL)
        settings_free(a->settings);
    status_unload();
}

/* Connect before taking the terminal; the first screen to show. */
static struct screen *
first_screen(struct app *a, const struct options *opts, const char *conninfo,
             int *status)
{
    struct db_error err;
    char msg[600];

    if (session_connect(a, conninfo, opts->user, NULL, &err) != 0)
        return login_screen_new(a, conninfo, opts->user, &err);
    if (session_check_forms(a, msg, sizeof(msg)) != 0) {
        fprintf(stderr, "%s\n", msg);
        *status = EXIT_USAGE;
        return NULL;
    }
    return menu_screen_new(a);
}

static int
client_session(const struct options *opts)
{
    struct app a = {0};
    struct settings_error serr;
    struct screen *first;
    char *conninfo = NULL;
    const char *forms_dir = getenv("EDUAID_FORMS_DIR");
    int status = EXIT_USAGE;

    if (settings_load(
            opts->config_file, EDUAID_SYSCONFDIR "/eduaid/eduaid.conf",
            forms_dir != NULL ? forms_dir : EDUAID_PKGDATADIR "/forms",
            &a.settings, &serr) != 0) {
        if (serr.line > 0)
            fprintf(stderr, "%s:%d: %s\n", serr.file, serr.line, serr.message);
        else
            fprintf(stderr, "%s: %s\n", serr.file[0] ? serr.file : PACKAGE_NAME,
                    serr.message);
        return EXIT_USAGE;
    }
    if (keys_apply(a.settings->bindings, a.settings->nbindings, &serr) != 0) {
        fprintf(stderr, "%s:%d: %s\n", serr.file, serr.line, serr.message);
        goto cleanup;
    }
    safefile_set_files_dir(a.settings->files_dir);
    a.zh = speak_chinese(a.settings->language);
    if (load_forms(&a, a.settings->forms_dir) != 0)
        goto cleanup;
    /* database.conninfo with -d, -h and -p over it; the login screen
     * keeps it until the end */
    conninfo = options_conninfo(opts, a.settings->conninfo);
    first = conninfo != NULL ? first_screen(&a, opts, conninfo, &status) : NULL;
    if (first != NULL)
        status = app_run(&a, first);
    else if (status != EXIT_USAGE)
        fprintf(stderr, _("%s: out of memory\n"), PACKAGE_NAME);
cleanup:
    free_app(&a);
    free(conninfo);
    return status;
}

int
client_main(const struct options *opts)
{
    char err[512];
    int status;

    if (opts->headless == NULL && opts->keys == NULL)
        return client_session(opts);
    if (headless_setup(opts->headless, opts->keys, err, sizeof(err)) != 0) {
        fprintf(stderr, "%s: %s\n", PACKAGE_NAME, err);
        return EXIT_USAGE;
    }
    status = client_session(opts);
    headless_free();
    return status;
}
