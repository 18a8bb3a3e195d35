/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the members of learnhubd's JSON objects, shared by the parsers
 * of lh-advice-types.c, lh-desk-types.c and LhClient's calls. A member
 * that is missing or null is the API's "none": an error only when
 * required. Failures are G_IO_ERROR_INVALID_DATA naming the member. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Parses one object of a list; tz (nullable) is the zone of its times. */
typedef gpointer (*LhJsonItemParse) (JsonObject  *object,
                                     GTimeZone   *tz,
                                     GError     **error);

/* *out is (owned) (nullable): NULL for none. */
gboolean   lh_json_read_string    (JsonObject  *object,
                                   const char  *member,
                                   gboolean     required,
                                   char       **out,
                                   GError     **error);
/* *out is 0 for none. */
gboolean   lh_json_read_int       (JsonObject  *object,
                                   const char  *member,
                                   gboolean     required,
                                   gint64      *out,
                                   GError     **error);
/* An optional count or number of minutes, from 0 to G_MAXINT. */
gboolean   lh_json_read_small_int (JsonObject  *object,
                                   const char  *member,
                                   int         *out,
                                   GError     **error);
/* An optional flag: FALSE for none. */
gboolean   lh_json_read_bool      (JsonObject  *object,
                                   const char  *member,
                                   gboolean    *out,
                                   GError     **error);
/* *out is (owned) (nullable): NULL for none. */
gboolean   lh_json_read_time      (JsonObject  *object,
                                   const char  *member,
                                   gboolean     required,
                                   GTimeZone   *tz,
                                   GDateTime  **out,
                                   GError     **error);
/* A required date, "2026-04-01". *out is (owned). */
gboolean   lh_json_read_date      (JsonObject  *object,
                                   const char  *member,
                                   GDate      **out,
                                   GError     **error);
/* The strings of a list member, never NULL; anything else is skipped. */
GStrv      lh_json_read_strings   (JsonObject  *object,
                                   const char  *member);
/* The objects of list member, each parsed, in a list that frees them
 * with free_func; none is an empty list unless required. */
GPtrArray *lh_json_read_list      (JsonObject      *object,
                                   const char      *member,
                                   gboolean         required,
                                   LhJsonItemParse  parse,
                                   GDestroyNotify   free_func,
                                   GTimeZone       *tz,
                                   GError         **error);

G_END_DECLS
