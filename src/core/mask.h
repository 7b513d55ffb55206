/*
 * mask.h
 *   Masking of personal numbers for display, so that lists, reports and
 *   logs show enough to tell records apart and no more.
 */
#ifndef EDUAID_CORE_MASK_H
#define EDUAID_CORE_MASK_H

#include <stddef.h>

/*
 * mask_id_number
 *
 * Write a masked copy of the NUL-terminated id into out (outsz bytes,
 * including the NUL).  An 18-character id keeps its first 6 (area) and
 * last 4 characters: "420325********123X".  Any other id has all but its
 * last 4 characters replaced by '*': "*******1234".  Characters are UTF-8
 * code points, each masked by one '*', so odd input never yields a broken
 * multi-byte sequence.  The id need not be valid; NULL is taken as "".
 *
 * out is always NUL-terminated when outsz > 0.  If it is too small, the
 * result is cut after the last whole character that fits; 3 * 18 + 1 bytes
 * is always enough for an 18-character id, and 19 for an ASCII one.
 */
void mask_id_number(const char *id, char *out, size_t outsz);

#endif /* EDUAID_CORE_MASK_H */
