/*
 * fuzz_lineedit.c
 *   libFuzzer target: the form's line editor (struct lineedit in
 *   core/text.c), driven by the input as a sequence of keys. Byte 0 is the
 *   field's length limit (0-31 characters, 0: none), byte 1 its width
 *   (0-40 cells); then each byte is a key: 0-11 an editing key (backspace,
 *   delete, ^K, ^U, left, right, home, end, word left, word right, the
 *   contents replaced with the next bytes up to a NUL, the contents read
 *   out), 12 a wide character from the next four bytes (any value, invalid
 *   ones included), anything else typed as that character (CJK above 0x80).
 *   After every key: the invariants of struct lineedit (cursor and scroll
 *   within the text, the limit kept, the buffer NUL-terminated) and of
 *   lineedit_view (the cursor inside the field); a control character or a
 *   value that is no character is never typed in.
 */
#include "config.h"

#include <locale.h>
#include <wchar.h>

#include "fuzz.h"

#include "core/text.h"
#include "core/textbuf.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setlocale(LC_ALL, "C.UTF-8");
    return 0;
}

static void
check(const struct lineedit *e, int cells, int offset)
{
    FUZZ_ASSERT(e->len >= 0 && e->len < e->cap);
    FUZZ_ASSERT(e->cur >= 0 && e->cur <= e->len);
    FUZZ_ASSERT(e->scroll >= 0 && e->scroll <= e->cur);
    FUZZ_ASSERT(e->max_chars == 0 || e->len <= e->max_chars);
    FUZZ_ASSERT(e->buf[e->len] == L'\0');
    FUZZ_ASSERT((int)wcslen(e->buf) == e->len);
    if (cells > 0)
        FUZZ_ASSERT(offset >= 0 && offset <= cells);
}

/* Key k (with the bytes after it, *i moved past those it takes). */
static void
press(struct lineedit *e, const uint8_t *data, size_t size, size_t *i,
      struct textbuf *out)
{
    uint8_t k = data[(*i)++];
    const uint8_t *start;
    char *s;

    switch (k) {
    case 0:
        lineedit_backspace(e);
        break;
    case 1:
        lineedit_delete(e);
        break;
    case 2:
        lineedit_kill_to_end(e);
        break;
    case 3:
        lineedit_kill_to_start(e);
        break;
    case 4:
        lineedit_left(e);
        break;
    case 5:
        lineedit_right(e);
        break;
    case 6:
        lineedit_home(e);
        break;
    case 7:
        lineedit_end(e);
        break;
    case 8:
        lineedit_word_left(e);
        break;
    case 9:
        lineedit_word_right(e);
        break;
    case 10:
        start = data + *i;
        while (*i < size && data[*i] != '\0')
            (*i)++;
        s = fuzz_string(start, (size_t)(data + *i - start));
        lineedit_set_utf8(e, s);
        FUZZ_ASSERT(e->cur == e->len);
        free(s);
        if (*i < size)
            (*i)++;
        break;
    case 11:
        s = lineedit_utf8(e);
        FUZZ_ASSERT(s != NULL);
        textbuf_add(out, "%s|", s);
        free(s);
        break;
    case 12: {
        uint32_t c = 0;

        for (int b = 0; b < 4 && *i < size; b++)
            c = c << 8 | data[(*i)++];
        if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c > 0x10ffff ||
            (c >= 0xd800 && c < 0xe000))
            FUZZ_ASSERT(!lineedit_insert(e, (wchar_t)c));
        else
            lineedit_insert(e, (wchar_t)c);
        break;
    }
    default:
        if (k < 0x20 || k == 0x7f)
            FUZZ_ASSERT(!lineedit_insert(e, (wchar_t)k));
        else
            lineedit_insert(e, k < 0x80 ? (wchar_t)k : (wchar_t)(0x4e00 + k));
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct lineedit e;
    struct textbuf out = {0};
    int max = size > 0 ? data[0] % 32 : 0;
    int cells = size > 1 ? data[1] % 41 : 10;
    size_t i = size > 2 ? 2 : size;

    FUZZ_ASSERT(lineedit_init(&e, max));
    check(&e, cells, lineedit_view(&e, cells));
    while (i < size) {
        press(&e, data, size, &i, &out);
        check(&e, cells, lineedit_view(&e, cells));
    }
    FUZZ_ASSERT(!out.failed);
    free(out.s);
    lineedit_free(&e);
    return 0;
}
