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

#define _(s) gettext(s)
#define N_(s) (s)

/* Whether the UI speaks Chinese: language is ui.language of eduaid.conf,
 * "zh_CN", "en", or "auto" (then LC_MESSAGES decides). For "zh_CN" and
 * "en" it also sets LANGUAGE, so that gettext follows the setting. */
bool speak_chinese(const char *language);

#endif /* EDUAID_CORE_I18N_H */
