/*
 * settings.h
 *   The client's configuration, eduaid.conf (libconfig): the connection,
 *   the UI language and colours, key bindings, and where forms, the draft
 *   journal and the prompt history live. One static table of settings
 *   (path, type, default, validator, doc -- neomutt's ConfigDef, tig's
 *   OPTION_INFO) drives loading, checking and settings_describe(), so the
 *   man page and the loader cannot drift. Not named config.h: that is
 *   autoconf's.
 *
 *   The file, in short (every setting optional; unknown ones are errors):
 *
 *     database: { conninfo = "host=db1,db2 dbname=eduaid";
 *                 connect_timeout = 10; };
 *     ui:       { language = "auto"; colour = "auto"; };
 *     keys:     { save = [ "F2", "^S" ]; back = [ "Esc", "q" ]; };
 *     paths:    { forms_dir = "/usr/local/share/eduaid/forms";
 *                 journal_dir = "$XDG_STATE_HOME/eduaid";
 *                 history_file = "$XDG_STATE_HOME/eduaid/history"; };
 *
 *   Paths starting with "~/" (or just "~") are expanded with $HOME (the
 *   password database when HOME is unset); paths starting with
 *   $XDG_STATE_HOME, $XDG_CONFIG_HOME or $XDG_DATA_HOME with that variable
 *   when it is an absolute path, else its default under the home
 *   (~/.local/state, ~/.config, ~/.local/share).
 */
#ifndef EDUAID_CORE_SETTINGS_H
#define EDUAID_CORE_SETTINGS_H

#include <stddef.h>
#include <stdio.h>

/* One member of the keys group, "save = [ "F2", "^G" ];": an action's
 * name and the names of its keys, as written. Only their shape is checked
 * here (a list of strings); whether the action exists and the names are
 * keys is the ui layer's business (keys_apply() in ui/keys.h), which
 * reports file:line from here. */
struct settings_key {
    char *action; /* "save" */
    char **keys;  /* nkeys names, "F2", "^G"; NULL when nkeys is 0 */
    size_t nkeys; /* 0: "save = [];" leaves the action without keys */
    char *file;   /* the file it was written in */
    int line;
};

/* Every string is malloc'd and owned by the struct; none is NULL except
 * source. */
struct settings {
    char *source;   /* the file read, or NULL: defaults only */
    char *conninfo; /* database.conninfo: libpq string, "" = libpq defaults */
    int connect_timeout;    /* database.connect_timeout: seconds, 1..120 */
    char *reports_conninfo; /* reports.conninfo: a standby, "" = conninfo */
    char *language;         /* ui.language: "auto", "zh_CN" or "en" */
    char *colour;           /* ui.colour: "auto", "always" or "never" */
    int idle_timeout;       /* ui.idle_timeout: seconds, 1..86400 */
    char *forms_dir;        /* paths.forms_dir, expanded */
    char *journal_dir;      /* paths.journal_dir, expanded */
    char *history_file;     /* paths.history_file, expanded */
    char *files_dir;        /* paths.files_dir, expanded; "" = automatic */
    char *office;           /* print.office: heading of printed pages */
    struct settings_key *bindings; /* keys group, in file order, or NULL */
    size_t nbindings;
};

/* Where loading failed: file ("" when none), line (0 when unknown) and a
 * sentence. */
struct settings_error {
    char file[256];
    int line;
    char message[256];
};

/*
 * settings_load
 *
 * Load the configuration key by key: the defaults, then sysconf_path
 * (may be NULL; /etc/eduaid/eduaid.conf) if it exists, then over it the
 * user's file: explicit_path (-c FILE) if non-NULL (it must exist), else
 * $EDUAID_CONF if set and not empty (it must exist), else
 * $XDG_CONFIG_HOME/eduaid/eduaid.conf (default ~/.config/...) if it
 * exists. A setting the user's file does not name keeps the system
 * file's value; keys.ACTION in both keeps the user's keys. A file that
 * exists but cannot be read is an error, never skipped. source is the
 * last file read. default_forms_dir is the built-in paths.forms_dir (the
 * installed forms, $(pkgdatadir)/forms); NULL means "forms".
 *
 * Returns 0 and sets *out (free with settings_free), or -1 with *out NULL
 * and err filled: file:line and libconfig's message for a syntax error,
 * "unknown setting x.y", "x.y must be a string" (an integer ...), or
 * "x.y must be ..." for a value out of range; "cannot open: <reason>"
 * (line 0) for a file that must exist and cannot be read. Members of the
 * keys group are kept in (*out)->bindings as written; only "keys.x must
 * be a list of key names" is checked here.
 */
int settings_load(const char *explicit_path, const char *sysconf_path,
                  const char *default_forms_dir, struct settings **out,
                  struct settings_error *err);

void settings_free(struct settings *s);

/* path with a leading "~", "$XDG_STATE_HOME", "$XDG_CONFIG_HOME" or
 * "$XDG_DATA_HOME" expanded as settings_load() expands paths.*; malloc'd,
 * NULL when out of memory. */
char *settings_expand(const char *path);

/* For --help and the man page: every setting with its type, default and
 * doc, one paragraph each. */
void settings_describe(FILE *out);

#endif /* EDUAID_CORE_SETTINGS_H */
