/*
 * i18n.h
 *   gettext in one place: _() translates now, N_() marks a string for
 *   translation later (tables, X-macros). The catalogue is po/zh_CN.po;
 *   the UI speaks Chinese in zh_CN locales and English otherwise
 *   (speak_chinese, in i18n.c).
 */
#ifndef EDUAID_CORE_I18N_H
#define EDUAID_CORE_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stdio.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Whether the UI speaks Chinese: language is ui.language of eduaid.conf,
 * "zh_CN", "en", or "auto" (then LC_MESSAGES decides). For "zh_CN" and
 * "en" it also sets LANGUAGE, so that gettext follows the setting. */
bool speak_chinese(const char *language);

/* In a locale whose encoding is multibyte and not UTF-8 (zh_CN.GB18030):
 * standard error, and standard output when it is a terminal, become
 * streams that write the program's UTF-8 (its own text, gettext's, the
 * database's) in the locale's encoding -- what such a terminal shows.
 * Standard output that is no terminal stays UTF-8: data for files and
 * programs. Nothing changes in UTF-8 and single-byte locales. Call after
 * setlocale; the streams' fds stay STDOUT_FILENO and STDERR_FILENO
 * (fileno() of the new streams is -1). */
void i18n_output_to_locale(void);

/* The file descriptor fp writes to: fileno(fp), or for the streams of
 * i18n_output_to_locale the fd beneath them; -1 for a stream of none. Ask
 * this, not fileno(), whether an output is a terminal. */
int i18n_stream_fd(FILE *fp);

/* Standard output back as it was: curses writes the screen there in the
 * locale's encoding itself (the terminal client). */
void i18n_output_raw(void);

#endif /* EDUAID_CORE_I18N_H */
