/*
 * shownpath.h
 *   A file's path as a person reads it on a status line, in the cells
 *   there are: what the screens say after writing a file (the p key's
 *   PDFs, screens/printpdf.c). Pure text; no file is looked at.
 */
#ifndef EDUAID_CORE_SHOWNPATH_H
#define EDUAID_CORE_SHOWNPATH_H

#include <stddef.h>

/*
 * shownpath
 *
 * path as a person reads it in at most cells display cells: the home
 * directory home (NULL or "/": none) as "~"; when still too wide, the
 * first directory, "…", and as many of the last directories as fit, the
 * file's name always ("…/NAME" when no directory fits; the name itself
 * cut, "~" in its last cell, when even that does not). Into out (NUL-
 * terminated, cut at a character when outsz is short); returns out.
 */
char *shownpath(const char *path, const char *home, int cells, char *out,
                size_t outsz);

#endif /* EDUAID_CORE_SHOWNPATH_H */
