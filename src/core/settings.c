/*
 * settings.c
 *   eduaid.conf: finding it, loading it with libconfig and checking every
 *   value against one static table of settings (see settings.h). The
 *   table is the only place a setting is declared: its path, type,
 *   default, validator and documentation. The keys group is one entry,
 *   "keys.*", whose members are kept as strings for the ui layer.
 */
#include "config.h"

#include "settings.h"

#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libconfig.h>

/* Under $XDG_CONFIG_HOME (default ~/.config): the user's own file. */
#define USER_CONF "/eduaid/eduaid.conf"
/* paths.forms_dir when the caller gives no default. */
#define FALLBACK_FORMS_DIR "forms"

enum setting_type {
    ST_STRING, /* any string */
    ST_INT,    /* an integer */
    ST_PATH,   /* a string; "~/" expanded after loading */
    ST_KEYS    /* "group.*": any member, a list of key names, appended to
                  settings->bindings (no slot, no default) */
};

struct setting_def;

/* A validator: true when the value is good, else false and why is set to
 * the end of the sentence "<path> must ...". */
typedef bool setting_valid_fn(const struct setting_def *d, const char *str,
                              long num, char *why, size_t whysz);

struct setting_def {
    const char *path; /* "group.name" */
    enum setting_type type;
    const char *def_str;       /* default of strings and paths; NULL: the
                                  caller's default (paths.forms_dir) */
    long def_int;              /* default of integers */
    size_t offset;             /* of the char * or int in struct settings */
    setting_valid_fn *valid;   /* NULL: any value of the type */
    long min, max;             /* for valid_range */
    const char *const *one_of; /* for valid_one_of, NULL-terminated */
    const char *doc;
};

static setting_valid_fn valid_range, valid_one_of, valid_not_empty;

static const char *const languages[] = {"auto", "zh_CN", "en", NULL};
static const char *const colours[] = {"auto", "always", "never", NULL};

#define OFF(m) offsetof(struct settings, m)

static const struct setting_def setting_defs[] = {
    {.path = "database.conninfo",
     .type = ST_STRING,
     .def_str = "",
     .offset = OFF(conninfo),
     .doc =
         "libpq connection string or URI of the central server; a "
         "multi-host list (\"host=db1,db2 target_session_attrs=read-write\") "
         "fails over to a standby. Empty: libpq's defaults and PG* "
         "environment variables. Never put a password here (use ~/.pgpass "
         "or the login prompt)."},
    {.path = "database.connect_timeout",
     .type = ST_INT,
     .def_int = 10,
     .offset = OFF(connect_timeout),
     .valid = valid_range,
     .min = 1,
     .max = 120,
     .doc = "Seconds to wait for each host when connecting."},
    {.path = "reports.conninfo",
     .type = ST_STRING,
     .def_str = "",
     .offset = OFF(reports_conninfo),
     .doc = "libpq connection string of a standby (a streaming replica) "
            "for the reports -- `eduaid report` and the report screen -- "
            "to spare the central server; each person logs in there as "
            "themselves (the same roles, the same row-level security). "
            "When it cannot be reached the reports run on the central "
            "server, with a note. Exports always run on the central server "
            "(they write an audit row). Empty: reports on the central "
            "server."},
    {.path = "ui.language",
     .type = ST_STRING,
     .def_str = "auto",
     .offset = OFF(language),
     .valid = valid_one_of,
     .one_of = languages,
     .doc = "Language of the interface and of form labels: \"auto\" follows "
            "the locale (Chinese in zh_CN, English otherwise)."},
    {.path = "ui.colour",
     .type = ST_STRING,
     .def_str = "auto",
     .offset = OFF(colour),
     .valid = valid_one_of,
     .one_of = colours,
     .doc = "Colours: \"auto\" when the terminal has them, \"always\", or "
            "\"never\" (monochrome attributes only)."},
    {.path = "ui.idle_timeout",
     .type = ST_INT,
     .def_int = 900,
     .offset = OFF(idle_timeout),
     .valid = valid_range,
     .min = 1,
     .max = 86400,
     .doc =
         "Seconds without a key pressed after which the client journals "
         "the open form and ends the session (the session timeout of "
         "MLPS 2.0, level 3); the next login offers the form back. Default 15 "
         "minutes."},
    {.path = "keys.*",
     .type = ST_KEYS,
     .doc = "Key bindings: keys.ACTION lists the keys of ACTION (\"save\", "
            "\"submit\", \"back\" ... as in the example eduaid.conf), "
            "replacing its default keys; actions not given keep theirs. Key "
            "names: F1..F12, ^A..^Z (or C-a), Esc, Enter, Tab, S-Tab, Space, "
            "Up, Down, Left, Right, Home, End, PgUp, PgDn, Ins, Del, or one "
            "character such as \"q\" or \"?\". A key may mean only one "
            "action; the first key listed is the one the key bar shows "
            "when it is short of room."},
    {.path = "paths.forms_dir",
     .type = ST_PATH,
     .def_str = NULL, /* settings_load()'s default_forms_dir */
     .offset = OFF(forms_dir),
     .valid = valid_not_empty,
     .doc =
         "Directory of the form definitions (household.conf ... "
         "lookups.conf). Default: the installed forms, $(pkgdatadir)/forms."},
    {.path = "paths.journal_dir",
     .type = ST_PATH,
     .def_str = "$XDG_STATE_HOME/eduaid",
     .offset = OFF(journal_dir),
     .valid = valid_not_empty,
     .doc = "Directory where unsaved edits are journaled, to be offered back "
            "on the next start."},
    {.path = "paths.history_file",
     .type = ST_PATH,
     .def_str = "$XDG_STATE_HOME/eduaid/history",
     .offset = OFF(history_file),
     .valid = valid_not_empty,
     .doc = "History of the \":\" command line and \"/\" search prompts."},
    {.path = "paths.files_dir",
     .type = ST_PATH,
     .def_str = "",
     .offset = OFF(files_dir),
     .doc =
         "Folder of the files a person brings in and takes out: the import "
         "screen looks a relative file name up there, and the export "
         "screen and the differences are written there. Empty (the "
         "default): ~/eduaid when that directory exists (eduaid-admin user "
         "add makes it for an SSH login; sftp starts in it), else exports go "
         "to $XDG_DATA_HOME/eduaid/exports and imports are looked up in the "
         "current directory."},
    {.path = "print.office",
     .type = ST_STRING,
     .def_str = "",
     .offset = OFF(office),
     .doc = "The office's heading at the top of every printed page (PDF "
            "notices and reports), e.g. \"某某县教育局学生资助管理中心\". "
            "Empty: no heading."},
};
#define NSETTINGS (sizeof(setting_defs) / sizeof(setting_defs[0]))

/* ---------------------------------------------------------------------- */

static bool
valid_range(const struct setting_def *d, const char *str, long num, char *why,
            size_t whysz)
{
    (void)str;
    if (num >= d->min && num <= d->max)
        return true;
    snprintf(why, whysz, "be between %ld and %ld (not %ld)", d->min, d->max,
             num);
    return false;
}

static bool
valid_one_of(const struct setting_def *d, const char *str, long num, char *why,
             size_t whysz)
{
    size_t len;

    (void)num;
    for (size_t i = 0; d->one_of[i] != NULL; i++)
        if (strcmp(d->one_of[i], str) == 0)
            return true;
    len = (size_t)snprintf(why, whysz, "be");
    for (size_t i = 0; d->one_of[i] != NULL && len < whysz; i++) {
        const char *sep = i == 0                     ? " "
                          : d->one_of[i + 1] == NULL ? " or "
                                                     : ", ";
        len += (size_t)snprintf(why + len, whysz - len, "%s\"%s\"", sep,
                                d->one_of[i]);
    }
    return false;
}

static bool
valid_not_empty(const struct setting_def *d, const char *str, long num,
                char *why, size_t whysz)
{
    (void)d;
    (void)num;
    if (str[0] != '\0')
        return true;
    snprintf(why, whysz, "not be empty");
    return false;
}

/* ---------------------------------------------------------------------- */

static void set_error(struct settings_error *err, const char *file, int line,
                      const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
set_error(struct settings_error *err, const char *file, int line,
          const char *fmt, ...)
{
    va_list ap;

    if (err == NULL)
        return;
    snprintf(err->file, sizeof(err->file), "%s", file != NULL ? file : "");
    err->line = line;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
    va_end(ap);
}

static void
set_error_at(struct settings_error *err, const char *path,
             const config_setting_t *s, const char *msg)
{
    const char *file = config_setting_source_file(s);

    set_error(err, file != NULL ? file : path,
              (int)config_setting_source_line(s), "%s", msg);
}

static char **
string_slot(struct settings *s, const struct setting_def *d)
{
    return (char **)(void *)((char *)s + d->offset);
}

static int *
int_slot(struct settings *s, const struct setting_def *d)
{
    return (int *)(void *)((char *)s + d->offset);
}

/* Replace the string of setting d with a copy of v; false when out of
 * memory. */
static bool
set_string(struct settings *s, const struct setting_def *d, const char *v)
{
    char *copy = strdup(v);

    if (copy == NULL)
        return false;
    free(*string_slot(s, d));
    *string_slot(s, d) = copy;
    return true;
}

/* The setting of path "group.name": the table's entry of that path, or
 * its "group.*" entry; NULL when neither exists. */
static const struct setting_def *
find_def(const char *path)
{
    for (size_t i = 0; i < NSETTINGS; i++) {
        const char *p = setting_defs[i].path;
        size_t n = strlen(p);

        if (strcmp(p, path) == 0)
            return &setting_defs[i];
        if (n >= 2 && strcmp(p + n - 2, ".*") == 0 &&
            strncmp(p, path, n - 1) == 0 && path[n - 1] != '\0')
            return &setting_defs[i];
    }
    return NULL;
}

/* True when some setting lives in group name. */
static bool
is_group(const char *name)
{
    size_t n = strlen(name);

    for (size_t i = 0; i < NSETTINGS; i++)
        if (strncmp(setting_defs[i].path, name, n) == 0 &&
            setting_defs[i].path[n] == '.')
            return true;
    return false;
}

/* The home directory, or NULL. */
static const char *
home_dir(void)
{
    const char *home = getenv("HOME");
    const struct passwd *pw;

    if (home != NULL && home[0] != '\0')
        return home;
    pw = getpwuid(getuid());
    if (pw != NULL && pw->pw_dir != NULL && pw->pw_dir[0] != '\0')
        return pw->pw_dir;
    return NULL;
}

/* dir + tail, malloc'd, or NULL. */
static char *
join(const char *dir, const char *tail)
{
    size_t a = strlen(dir), b = strlen(tail);
    char *p = malloc(a + b + 1);

    if (p == NULL)
        return NULL;
    memcpy(p, dir, a);
    memcpy(p + a, tail, b + 1);
    return p;
}

/* The XDG base directories a path may start with, and their defaults
 * under the home directory (XDG Base Directory Specification). */
static const struct {
    const char *var, *under_home;
} xdg_dirs[] = {
    {"$XDG_STATE_HOME", "/.local/state"},
    {"$XDG_CONFIG_HOME", "/.config"},
    {"$XDG_DATA_HOME", "/.local/share"},
};

/* The base directory of XDG variable var ("XDG_STATE_HOME"): its value
 * when absolute (the specification ignores a relative one), else
 * home + under_home; malloc'd, or NULL without a home or memory. */
static char *
xdg_base(const char *var, const char *under_home)
{
    const char *v = getenv(var), *home;

    if (v != NULL && v[0] == '/')
        return strdup(v);
    home = home_dir();
    return home != NULL ? join(home, under_home) : NULL;
}

/* The start of p that names a base directory: "~" (before "/" or the
 * end) or "$XDG_..._HOME"; the directory's name in *base (NULL without a
 * home) and the prefix's length. 0 when p starts with neither. */
static size_t
path_prefix(const char *p, const char **base, const char **under_home)
{
    *base = NULL;
    *under_home = "";
    if (p[0] == '~' && (p[1] == '\0' || p[1] == '/')) {
        *base = home_dir();
        return 1;
    }
    for (size_t i = 0; i < sizeof(xdg_dirs) / sizeof(xdg_dirs[0]); i++) {
        size_t n = strlen(xdg_dirs[i].var);
        const char *v;

        if (strncmp(p, xdg_dirs[i].var, n) != 0 ||
            (p[n] != '\0' && p[n] != '/'))
            continue;
        v = getenv(xdg_dirs[i].var + 1);
        if (v != NULL && v[0] == '/') {
            *base = v;
        } else {
            *base = home_dir();
            *under_home = xdg_dirs[i].under_home;
        }
        return n;
    }
    return 0;
}

/* Expand a leading "~", "~/" or "$XDG_STATE_HOME" (CONFIG, DATA) of *p in
 * place; false when out of memory. Without a home the path is left. */
static bool
expand_home(char **p)
{
    const char *base, *under;
    size_t n = path_prefix(*p, &base, &under), a, b, c;
    char *e;

    if (n == 0 || base == NULL)
        return true;
    a = strlen(base);
    b = strlen(under);
    c = strlen(*p + n);
    e = malloc(a + b + c + 1);
    if (e == NULL)
        return false;
    memcpy(e, base, a);
    memcpy(e + a, under, b);
    memcpy(e + a + b, *p + n, c + 1);
    free(*p);
    *p = e;
    return true;
}

char *
settings_expand(const char *path)
{
    char *p = strdup(path);

    if (p != NULL && !expand_home(&p)) {
        free(p);
        return NULL;
    }
    return p;
}

/* Free what a struct settings_key holds (not the struct). */
static void
binding_free(struct settings_key *b)
{
    free(b->action);
    for (size_t i = 0; i < b->nkeys; i++)
        free(b->keys[i]);
    free(b->keys);
    free(b->file);
}

/*
 * keys.<action> = [ "F2", "^S" ]: an array or list of strings (one string
 * alone counts as a list of one, an empty list as no keys). Appends it to
 * s->bindings as written, with its file and line. Returns 0, or -1 with
 * err filled: "keys.x must be a list of key names ..." at the line of the
 * setting (or of its first element that is no string), or out of memory.
 */
static int
apply_keys(struct settings *s, const config_setting_t *c, const char *path,
           struct settings_error *err)
{
    struct settings_key b = {0}, *grown;
    const char *name = config_setting_name(c);
    const char *file = config_setting_source_file(c);
    int t = config_setting_type(c), n = 1;

    if (t == CONFIG_TYPE_ARRAY || t == CONFIG_TYPE_LIST) {
        n = config_setting_length(c);
        for (int i = 0; i < n; i++) {
            const config_setting_t *e = config_setting_get_elem(c, (unsigned)i);

            if (config_setting_type(e) != CONFIG_TYPE_STRING) {
                c = e;
                t = CONFIG_TYPE_NONE;
                break;
            }
        }
    }
    if (t != CONFIG_TYPE_STRING && t != CONFIG_TYPE_ARRAY &&
        t != CONFIG_TYPE_LIST) {
        char msg[256];

        snprintf(msg, sizeof(msg),
                 "keys.%s must be a list of key names, e.g. "
                 "[ \"F2\", \"^S\" ]",
                 name);
        set_error_at(err, path, c, msg);
        return -1;
    }

    b.line = (int)config_setting_source_line(c);
    b.action = strdup(name);
    b.file = strdup(file != NULL ? file : path);
    if (b.action == NULL || b.file == NULL)
        goto nomem;
    if (n > 0) {
        b.keys = calloc((size_t)n, sizeof(*b.keys));
        if (b.keys == NULL)
            goto nomem;
    }
    for (; b.nkeys < (size_t)n; b.nkeys++) {
        const char *k = t == CONFIG_TYPE_STRING
                            ? config_setting_get_string(c)
                            : config_setting_get_string_elem(c, (int)b.nkeys);

        b.keys[b.nkeys] = strdup(k);
        if (b.keys[b.nkeys] == NULL)
            goto nomem;
    }
    /* The user's file after the system's, key by key: an action bound in
     * both keeps the user's keys. */
    for (size_t i = 0; i < s->nbindings; i++)
        if (strcmp(s->bindings[i].action, b.action) == 0) {
            binding_free(&s->bindings[i]);
            s->bindings[i] = b;
            return 0;
        }
    grown = malloc((s->nbindings + 1) * sizeof(*grown));
    if (grown == NULL)
        goto nomem;
    if (s->nbindings > 0)
        memcpy(grown, s->bindings, s->nbindings * sizeof(*grown));
    grown[s->nbindings++] = b;
    free(s->bindings);
    s->bindings = grown;
    return 0;
nomem:
    binding_free(&b);
    set_error_at(err, path, c, "out of memory");
    return -1;
}

/*
 * Check one setting c of the file against d and store it. Returns 0, or
 * -1 with err filled.
 */
static int
apply(struct settings *s, const struct setting_def *d,
      const config_setting_t *c, const char *path, struct settings_error *err)
{
    char why[192], msg[256];
    const char *str = "";
    long num = 0;
    int t = config_setting_type(c);

    if (d->type == ST_KEYS)
        return apply_keys(s, c, path, err);
    if (d->type == ST_INT) {
        if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64) {
            snprintf(msg, sizeof(msg), "%s must be an integer", d->path);
            set_error_at(err, path, c, msg);
            return -1;
        }
        num = t == CONFIG_TYPE_INT64 ? (long)config_setting_get_int64(c)
                                     : config_setting_get_int(c);
    } else {
        if (t != CONFIG_TYPE_STRING) {
            snprintf(msg, sizeof(msg), "%s must be a string", d->path);
            set_error_at(err, path, c, msg);
            return -1;
        }
        str = config_setting_get_string(c);
    }
    if (d->valid != NULL && !d->valid(d, str, num, why, sizeof(why))) {
        snprintf(msg, sizeof(msg), "%s must %s", d->path, why);
        set_error_at(err, path, c, msg);
        return -1;
    }
    if (d->type == ST_INT) {
        *int_slot(s, d) = (int)num;
    } else if (!set_string(s, d, str)) {
        set_error_at(err, path, c, "out of memory");
        return -1;
    }
    return 0;
}

/* Walk the whole file: every setting must be one of the table's. */
static int
apply_file(struct settings *s, const config_t *cfg, const char *path,
           struct settings_error *err)
{
    const config_setting_t *root = config_root_setting(cfg);

    for (int i = 0; i < config_setting_length(root); i++) {
        const config_setting_t *g = config_setting_get_elem(root, i);
        const char *gname = config_setting_name(g);
        char msg[256];

        if (!is_group(gname)) {
            snprintf(msg, sizeof(msg), "unknown setting %s", gname);
            set_error_at(err, path, g, msg);
            return -1;
        }
        if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
            snprintf(msg, sizeof(msg), "%s must be a group { ... }", gname);
            set_error_at(err, path, g, msg);
            return -1;
        }
        for (int j = 0; j < config_setting_length(g); j++) {
            const config_setting_t *c = config_setting_get_elem(g, j);
            const struct setting_def *d;
            char full[192];

            snprintf(full, sizeof(full), "%s.%s", gname,
                     config_setting_name(c));
            d = find_def(full);
            if (d == NULL) {
                snprintf(msg, sizeof(msg), "unknown setting %s", full);
                set_error_at(err, path, c, msg);
                return -1;
            }
            if (apply(s, d, c, path, err) < 0)
                return -1;
        }
    }
    return 0;
}

/* Read and apply file path, which must exist. */
static int
load_file(struct settings *s, const char *path, struct settings_error *err)
{
    config_t cfg;
    struct stat st;
    FILE *fp;
    int rc = -1;

    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        set_error(err, path, 0, "cannot open: %s", strerror(EISDIR));
        return -1;
    }
    fp = fopen(path, "r");
    if (fp == NULL) {
        set_error(err, path, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    fclose(fp);

    config_init(&cfg);
    if (config_read_file(&cfg, path) != CONFIG_TRUE) {
        if (config_error_type(&cfg) == CONFIG_ERR_FILE_IO)
            set_error(err, path, 0, "cannot read: %s", strerror(errno));
        else
            set_error(err,
                      config_error_file(&cfg) != NULL ? config_error_file(&cfg)
                                                      : path,
                      config_error_line(&cfg), "%s", config_error_text(&cfg));
        goto cleanup;
    }
    if (apply_file(s, &cfg, path, err) < 0)
        goto cleanup;
    free(s->source);
    s->source = strdup(path);
    if (s->source == NULL) {
        set_error(err, path, 0, "out of memory");
        goto cleanup;
    }
    rc = 0;
cleanup:
    config_destroy(&cfg);
    return rc;
}

/* True when path names something (a file that cannot be read still
 * counts: it is an error, not a reason to skip it). */
static bool
exists(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 || (errno != ENOENT && errno != ENOTDIR);
}

/* True when $XDG_CONFIG_HOME is an absolute path. */
static bool
xdg_config_set(void)
{
    const char *v = getenv("XDG_CONFIG_HOME");

    return v != NULL && v[0] == '/';
}

/* $XDG_CONFIG_HOME/eduaid/eduaid.conf (default ~/.config/...),
 * malloc'd; NULL without a home (or memory). */
static char *
user_conf_path(void)
{
    char *base = xdg_base("XDG_CONFIG_HOME", "/.config"), *p;

    if (base == NULL)
        return NULL;
    p = join(base, USER_CONF);
    free(base);
    return p;
}

void
settings_free(struct settings *s)
{
    if (s == NULL)
        return;
    free(s->source);
    for (size_t i = 0; i < NSETTINGS; i++)
        if (setting_defs[i].type != ST_INT && setting_defs[i].type != ST_KEYS)
            free(*string_slot(s, &setting_defs[i]));
    for (size_t i = 0; i < s->nbindings; i++)
        binding_free(&s->bindings[i]);
    free(s->bindings);
    free(s);
}

int
settings_load(const char *explicit_path, const char *sysconf_path,
              const char *default_forms_dir, struct settings **out,
              struct settings_error *err)
{
    struct settings *s;
    const char *env = getenv("EDUAID_CONF"), *path = NULL;
    char *user_path = NULL;
    int rc = -1;

    *out = NULL;
    if (err != NULL)
        memset(err, 0, sizeof(*err));
    s = calloc(1, sizeof(*s));
    if (s == NULL) {
        set_error(err, NULL, 0, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < NSETTINGS; i++) {
        const struct setting_def *d = &setting_defs[i];
        const char *def = d->def_str;

        if (d->type == ST_KEYS)
            continue; /* no bindings: every action keeps its keys */
        if (d->type == ST_INT) {
            *int_slot(s, d) = (int)d->def_int;
            continue;
        }
        if (def == NULL)
            def = default_forms_dir != NULL ? default_forms_dir
                                            : FALLBACK_FORMS_DIR;
        if (!set_string(s, d, def)) {
            set_error(err, NULL, 0, "out of memory");
            goto cleanup;
        }
    }

    /* The system file first, then the user's over it, key by key. */
    if (sysconf_path != NULL && exists(sysconf_path)) {
        path = sysconf_path;
        if (load_file(s, path, err) < 0)
            goto cleanup;
    }
    if (explicit_path != NULL) {
        path = explicit_path;
    } else if (env != NULL && env[0] != '\0') {
        path = env;
    } else if ((user_path = user_conf_path()) != NULL) {
        if (exists(user_path))
            path = user_path;
    } else if (home_dir() != NULL || xdg_config_set()) {
        set_error(err, NULL, 0, "out of memory");
        goto cleanup;
    }
    if (path != NULL && path != sysconf_path && load_file(s, path, err) < 0)
        goto cleanup;

    for (size_t i = 0; i < NSETTINGS; i++)
        if (setting_defs[i].type == ST_PATH &&
            !expand_home(string_slot(s, &setting_defs[i]))) {
            set_error(err, path, 0, "out of memory");
            goto cleanup;
        }
    *out = s;
    s = NULL;
    rc = 0;
cleanup:
    free(user_path);
    settings_free(s);
    return rc;
}

/* Print text word-wrapped to lines of at most width columns, each
 * indented by indent spaces. */
static void
print_wrapped(FILE *out, const char *text, int indent, int width)
{
    const char *p = text;
    int col = 0;

    while (*p != '\0') {
        size_t w = strcspn(p, " ");

        if (col > 0 && col + 1 + (int)w > width) {
            fputc('\n', out);
            col = 0;
        }
        if (col == 0)
            col = fprintf(out, "%*s%.*s", indent, "", (int)w, p);
        else
            col += fprintf(out, " %.*s", (int)w, p);
        p += w;
        while (*p == ' ')
            p++;
    }
    fputc('\n', out);
}

void
settings_describe(FILE *out)
{
    for (size_t i = 0; i < NSETTINGS; i++) {
        const struct setting_def *d = &setting_defs[i];
        char what[128], doc[1024];

        if (d->type == ST_KEYS)
            fprintf(out, "%.*sACTION = [ \"KEY\", ... ]\n",
                    (int)strlen(d->path) - 1, d->path);
        else if (d->type == ST_INT)
            fprintf(out, "%s = %ld\n", d->path, d->def_int);
        else if (d->def_str != NULL)
            fprintf(out, "%s = \"%s\"\n", d->path, d->def_str);
        else
            fprintf(out, "%s = (built in)\n", d->path);
        if (d->valid == valid_range) {
            snprintf(what, sizeof(what), "An integer, %ld..%ld.", d->min,
                     d->max);
        } else if (d->valid == valid_one_of && d->one_of != NULL) {
            size_t len = (size_t)snprintf(what, sizeof(what), "One of");

            for (size_t j = 0; d->one_of[j] != NULL && len < sizeof(what); j++)
                len += (size_t)snprintf(what + len, sizeof(what) - len,
                                        " \"%s\"%s", d->one_of[j],
                                        d->one_of[j + 1] != NULL ? "," : ".");
        } else if (d->type == ST_KEYS) {
            snprintf(what, sizeof(what), "A list of key names.");
        } else if (d->type == ST_PATH) {
            snprintf(what, sizeof(what),
                     "A path; \"~/\" is the home directory, "
                     "$XDG_STATE_HOME (CONFIG, DATA) the XDG directory "
                     "or its default (~/.local/state ...).");
        } else {
            snprintf(what, sizeof(what), "A string.");
        }
        snprintf(doc, sizeof(doc), "%s %s", what, d->doc);
        print_wrapped(out, doc, 4, 76);
    }
}
