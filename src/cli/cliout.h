/*
 * cliout.h
 *   What the subcommands print for a person to read. Written to a
 *   terminal (isatty), text from the database or a file is shown as the
 *   full-screen screens show it (text_shown in core/text.h: no control
 *   character, escape sequence, C1 control or bidirectional override
 *   reaches the terminal); written to a file or a pipe, its bytes are
 *   left as they are. Columns are lined up by display cells, not bytes.
 */
#ifndef EDUAID_CLI_CLIOUT_H
#define EDUAID_CLI_CLIOUT_H

#include <stdbool.h>
#include <stdio.h>

/* Display cells measurable: in a locale of one-byte characters (C,
 * POSIX), LC_CTYPE becomes C.UTF-8 -- what the client prints is UTF-8 --
 * so that a Chinese name is two cells, not an unprintable '?'. Call it
 * before writing. */
void cli_output_locale(void);

/* Whether fp is a terminal. */
bool cli_is_terminal(FILE *fp);

/* s (NULL: "") to fp, shown as the screens show it when fp is a
 * terminal, as it is otherwise; 0, or -1 when out of memory (nothing
 * written). */
int cli_put(FILE *fp, const char *s);

/* One line: the printf-style fmt and its arguments, then a newline, by
 * cli_put (a message quoting the server's or a file's text); 0, or -1
 * when out of memory (nothing written). */
int cli_line(FILE *fp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* arg, a name or other text of the command line, in UTF-8 -- what the
 * server and the client's text code take: arguments come in the locale's
 * encoding (GB18030 in zh_CN.GB18030), the same in UTF-8 and one-byte
 * locales. NULL, after a message on stderr, for an argument that is no
 * text of the locale. A converted copy lives until the program exits. */
const char *cli_text(const char *arg);

/* s, a line read from a file or standard input in the locale's encoding,
 * in UTF-8 as cli_text converts it, malloc'd (the caller frees it); NULL
 * after a message on stderr for text that is no text of the locale or
 * when out of memory. */
char *cli_text_dup(const char *s);

/* The cells s takes as cli_put writes it on a terminal. */
int cli_cells(const char *s);

/* s by cli_put in a column `cells` wide: padded with spaces after it, or
 * before it when right is true; a wider s is written whole. */
void cli_put_cell(FILE *fp, const char *s, int cells, bool right);

#endif /* EDUAID_CLI_CLIOUT_H */
