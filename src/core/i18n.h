/*
 * i18n.h
 *   gettext in one place: _() translates now, N_() marks a string for
 *   translation later (tables, X-macros). The catalogue is po/zh_CN.po;
 *   the UI speaks Chinese in zh_CN locales and English otherwise.
 */
#ifndef EDUAID_CORE_I18N_H
#define EDUAID_CORE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif /* EDUAID_CORE_I18N_H */
