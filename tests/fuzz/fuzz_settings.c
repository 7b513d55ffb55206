/*
 * fuzz_settings.c
 *   libFuzzer target: the settings loader (core/settings.c). The input is
 *   an eduaid.conf, loaded as `eduaid -c FILE` loads it. Checked: a
 *   refusal says why; loaded settings have every string set and the
 *   connect timeout in its range.
 */
#include "config.h"

#include "fuzz.h"

#include "core/settings.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file("eduaid.conf", data, size);
    struct settings *s = NULL;
    struct settings_error err;

    memset(&err, 0, sizeof(err));
    if (settings_load(path, NULL, NULL, &s, &err) != 0) {
        FUZZ_ASSERT(s == NULL && err.message[0] != '\0');
        return 0;
    }
    FUZZ_ASSERT(s != NULL && s->source != NULL);
    FUZZ_ASSERT(s->conninfo && s->language && s->colour && s->forms_dir &&
                s->journal_dir && s->history_file);
    FUZZ_ASSERT(s->connect_timeout >= 1 && s->connect_timeout <= 120);
    for (size_t i = 0; i < s->nbindings; i++) {
        FUZZ_ASSERT(s->bindings[i].action != NULL);
        for (size_t k = 0; k < s->bindings[i].nkeys; k++)
            FUZZ_ASSERT(s->bindings[i].keys[k] != NULL);
    }
    settings_free(s);
    return 0;
}
