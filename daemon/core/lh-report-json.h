/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A standard site report read back from its JSON (data/report/), as
 * learnhubctl national-report reads each site's. */
#pragma once

#include <json-glib/json-glib.h>

#include "lh-report.h"

G_BEGIN_DECLS

/* The report, or NULL with LH_ERROR_INVALID naming the place of the first
 * thing that is not the agreed format: another format or version, a
 * member missing or of the wrong kind, a figure that is a bare number, a
 * table whose cells are not rows × columns. A figure published as
 * suppressed is read as hidden with its value unknown
 * (lh_count_table_hide). */
LhReport *lh_report_from_json (JsonNode  *node,
                               GError   **error);

G_END_DECLS
