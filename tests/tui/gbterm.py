#!/usr/bin/env python3
# tests/tui/gbterm.py: a terminal of another encoding inside a UTF-8 one,
# for tests/tui/64_gb18030.t. tmux speaks UTF-8 to its panes; a real
# GB18030 terminal (a Windows console or PuTTY set to GB18030, an old
# county PC) sends and shows GB18030 bytes. This runs COMMAND on a pty of
# its own and converts at the pty: what the command writes is decoded as
# ENCODING and passed on as UTF-8; what is typed (UTF-8) is passed to the
# command as ENCODING. Bytes the command writes that are not ENCODING show
# as U+FFFD, so a program that writes UTF-8 to a GB18030 terminal is seen
# garbled, as a person would see it. Such a terminal (the Windows console
# in code page 936, PuTTY or Xshell set to GB18030) gives the characters
# of GB2312's double-byte area two cells, '·', '—', '…' and the box
# drawing ones included, as the locale's wcwidth() says; tmux gives those
# one: each is followed by a blank cell, so that the columns are the
# ones such a terminal shows.
#
# Usage: gbterm.py ENCODING COMMAND [ARG...]
import codecs
import ctypes
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import tty


LIBC = ctypes.CDLL(None)
LIBC.setlocale.restype = ctypes.c_char_p
LIBC.setlocale.argtypes = [ctypes.c_int, ctypes.c_char_p]
LIBC.wcwidth.argtypes = [ctypes.c_uint32]
LC_CTYPE = 0
WIDTHS = {}


def width(c, locale):
    LIBC.setlocale(LC_CTYPE, locale)
    return LIBC.wcwidth(ord(c))


def padded(text, locale):
    """text with a blank after each character that the terminal of
    locale shows one cell wider than tmux does."""
    out = []
    for c in text:
        out.append(c)
        if c < "\x80":
            continue
        if c not in WIDTHS:
            WIDTHS[c] = width(c, locale) - width(c, b"C.UTF-8")
        out.append(" " * max(WIDTHS[c], 0))
    return "".join(out)


def main():
    enc = sys.argv[1]
    argv = sys.argv[2:]
    locale = os.environ.get("LC_ALL", "C.UTF-8").encode()
    size = None
    if os.isatty(0):
        size = fcntl.ioctl(0, termios.TIOCGWINSZ, b"\0" * 8)
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    if size is not None:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, size)
        os.kill(pid, signal.SIGWINCH)
        tty.setraw(0)
    out_dec = codecs.getincrementaldecoder(enc)("replace")
    in_dec = codecs.getincrementaldecoder("utf-8")("replace")
    while True:
        try:
            ready, _, _ = select.select([0, fd], [], [])
        except InterruptedError:
            continue
        if fd in ready:
            try:
                data = os.read(fd, 4096)
            except OSError:
                data = b""
            if not data:
                break
            os.write(1, padded(out_dec.decode(data), locale).encode("utf-8"))
        if 0 in ready:
            data = os.read(0, 4096)
            if not data:
                break
            os.write(fd, in_dec.decode(data).encode(enc, "replace"))
    _, status = os.waitpid(pid, 0)
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
