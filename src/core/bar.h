/*
 * bar.h
 *   Horizontal bar charts as text: a value against a scale drawn in a
 *   given number of terminal cells, with the eighth blocks of Unicode
 *   (█▉▊▋▌▍▎▏) in UTF-8 locales and '#' elsewhere. Pure logic: the report
 *   screen draws what this computes. No curses, no libpq.
 */
#ifndef EDUAID_CORE_BAR_H
#define EDUAID_CORE_BAR_H

#include <stdbool.h>
#include <stddef.h>

/*
 * bar_render
 *
 * Write into out (NUL-terminated, UTF-8) the bar of value against scale in
 * width cells: value/scale of the width, rounded to the nearest eighth of
 * a cell (utf8) or the nearest cell ('#'), never more than width cells and
 * never less than nothing (a negative or NaN value, or a scale that is not
 * positive, draws nothing). The bar is not padded. Returns the cells it
 * covers (a partial block counts as one), or -1 when width is negative or
 * out cannot hold the bar (width * 3 + 1 bytes always suffice).
 */
int bar_render(double value, double scale, int width, bool utf8, char *out,
               size_t outsz);

/*
 * bar_scale
 *
 * The scale for bars of n values drawn together: the largest of the values
 * and target (a target of 0 or less is no target), or 1 when all are 0 or
 * less, so that bars of zeros stay empty.
 */
double bar_scale(const double *values, size_t n, double target);

/*
 * bar_target_cell
 *
 * The cell (0 .. width-1) where a target marker goes on bars of that
 * scale: the cell holding target/scale of the width; -1 when there is no
 * target (0 or less) or it lies beyond the bar.
 */
int bar_target_cell(double target, double scale, int width);

/* Does the current locale (LC_CTYPE) encode UTF-8? */
bool bar_locale_utf8(void);

#endif /* EDUAID_CORE_BAR_H */
