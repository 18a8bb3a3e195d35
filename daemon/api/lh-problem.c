/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-api"

#include "lh-problem.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "lh-error.h"
#include "lh-time.h"

#define TYPE_BASE "https://learnhub.example/problems/"

static const struct
{
  int         code;
  guint       status;
  const char *type;
  const char *title;
} problems[] = {
  { LH_ERROR_BAD_REQUEST, 400, "bad-request", "The request could not be read" },
  { LH_ERROR_UNAUTHORIZED, 401, "unauthorized", "Please sign in" },
  { LH_ERROR_FORBIDDEN, 403, "forbidden", "You are not allowed to do that" },
  { LH_ERROR_NOT_FOUND, 404, "not-found", "Not found" },
  { -1, 405, "method-not-allowed", "That cannot be done here" },
  { LH_ERROR_CONFLICT, 409, "conflict", "That clashes with something already there" },
  { LH_ERROR_TOO_LARGE, 413, "payload-too-large", "The request is too large" },
  /* Answered from the request's head, with no GError behind them. */
  { -1, 414, "uri-too-long", "The address is too long" },
  { -1, 431, "headers-too-large", "The request's headers are too large" },
  { LH_ERROR_INVALID, 422, "invalid", "That cannot be done" },
  { LH_ERROR_LOCKED, 429, "locked", "Too many tries; please wait" },
  { LH_ERROR_SLOWED, 429, "kiosk-slowed", "Too many wrong PINs at this kiosk; please wait" },
  { LH_ERROR_BUSY, 503, "unavailable", "The centre's server is busy; please try again" },
  /* After "unavailable": lh_problem_reply_status (503) means that one. */
  { LH_ERROR_STORAGE_FULL, 503, "storage-full", "The centre's server cannot save anything just now" },
  { LH_ERROR_INTERNAL, 500, "internal", "Something went wrong on the centre's server" },
};

static guint
problem_index (const GError *error)
{
  if (error != NULL && error->domain == LH_ERROR)
    for (guint i = 0; i < G_N_ELEMENTS (problems); i++)
      if (problems[i].code == error->code)
        return i;
  return G_N_ELEMENTS (problems) - 1;
}

guint
lh_problem_status_for_error (const GError *error)
{
  return problems[problem_index (error)].status;
}

/* The numbers of the refusal's reason, as members: what the kiosk needs
 * to word it, not knowing the rule. */
static void
add_numbers (JsonBuilder *builder, const GError *error)
{
  guint n_numbers;
  const LhErrorNumber *numbers = lh_error_get_numbers (error, &n_numbers);

  for (guint i = 0; i < n_numbers; i++)
    {
      json_builder_set_member_name (builder, numbers[i].name);
      json_builder_add_int_value (builder, numbers[i].value);
    }
}

/* A name the reason needs ("free_pc": "PC 7"), or null for none. */
static void
add_text (JsonBuilder *builder, const GError *error)
{
  const char *value;
  const char *name = lh_error_get_text (error, &value);

  if (name == NULL)
    return;
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
reply (SoupServerMessage *msg, guint index, const char *detail, const GError *error, gint64 locked_until,
       GTimeZone *tz)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *field = NULL;
  guint max_chars = lh_error_get_max_chars (error, &field);
  g_autofree char *type = g_strconcat (TYPE_BASE, problems[index].type, NULL);
  char *body;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, problems[index].title);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, problems[index].status);
  json_builder_set_member_name (builder, "detail");
  json_builder_add_string_value (builder, detail);
  if (lh_error_get_reason (error) != NULL)
    {
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, lh_error_get_reason (error));
    }
  add_numbers (builder, error);
  add_text (builder, error);
  /* The limit of a text too long: the kiosk says it, not knowing it. */
  if (max_chars > 0)
    {
      if (field != NULL)
        {
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, field);
        }
      json_builder_set_member_name (builder, "max_chars");
      json_builder_add_int_value (builder, max_chars);
    }
  if (locked_until > 0)
    {
      g_autofree char *until = lh_time_format_iso (locked_until, tz);

      json_builder_set_member_name (builder, "locked_until");
      json_builder_add_string_value (builder, until);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);
  length = strlen (body);
  soup_server_message_set_status (msg, problems[index].status, NULL);
  /* It may replace an answer already made (a group that then failed to
   * commit): libsoup's set_response() appends to the body. */
  soup_message_body_truncate (soup_server_message_get_response_body (msg));
  soup_server_message_set_response (msg, "application/problem+json", SOUP_MEMORY_TAKE, body, length);
}

void
lh_problem_reply (SoupServerMessage *msg, const GError *error, gint64 locked_until, GTimeZone *tz)
{
  guint index = problem_index (error);

  /* Internal errors may carry SQL or paths: log them, do not send them. */
  if (problems[index].status == 500)
    {
      g_warning ("%s %s: %s", soup_server_message_get_method (msg),
                 g_uri_get_path (soup_server_message_get_uri (msg)),
                 error != NULL ? error->message : "unknown error");
      reply (msg, index, problems[index].title, NULL, 0, tz);
      return;
    }
  /* Busy is the load of the moment, not a fault: its words can go out. */
  reply (msg, index, error->message, error, locked_until, tz);
}

void
lh_problem_reply_status (SoupServerMessage *msg, guint status, const char *detail)
{
  for (guint i = 0; i < G_N_ELEMENTS (problems); i++)
    if (problems[i].status == status)
      {
        reply (msg, i, detail, NULL, 0, NULL);
        return;
      }
  g_return_if_reached ();
}

void
lh_problem_refuse_early (SoupServerMessage *msg,
                         guint              status,
                         const char        *detail)
{
  lh_problem_reply_status (msg, status, detail);
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
}
