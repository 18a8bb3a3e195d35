/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every fuzz target shares. A target defines LLVMFuzzerInitialize
 * (set-up done once) and LLVMFuzzerTestOneInput; libFuzzer calls them in
 * the fuzz build, and fuzz-replay.c calls them for each corpus file under
 * meson test, so that a gcc build runs the corpus too. */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A check beyond "no crash": aborts, so that libFuzzer keeps the input
 * and a replay test fails, naming what broke. */
#define LH_FUZZ_CHECK(cond)                                                      \
  G_STMT_START {                                                                 \
    if (G_UNLIKELY (!(cond)))                                                    \
      {                                                                          \
        fprintf (stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #cond); \
        abort ();                                                                \
      }                                                                          \
  } G_STMT_END
