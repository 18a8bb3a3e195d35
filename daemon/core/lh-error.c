/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-error.h"

G_DEFINE_QUARK (lh-error-quark, lh_error)
