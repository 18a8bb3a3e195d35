/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-usage"

#include "lh-usage.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "lh-time-format.h"
#include "lh-types.h"

G_DEFINE_BOXED_TYPE (LhUsage, lh_usage, lh_usage_copy, lh_usage_free)

static GDateTime *
ref_or_null (GDateTime *time)
{
  return time ? g_date_time_ref (time) : NULL;
}

LhUsage *
lh_usage_copy (const LhUsage *usage)
{
  LhUsage *copy;

  g_return_val_if_fail (usage != NULL, NULL);

  copy = g_new0 (LhUsage, 1);
  copy->id = usage->id;
  copy->resource_id = usage->resource_id;
  copy->resource_name = g_strdup (usage->resource_name);
  copy->walk_up = usage->walk_up;
  copy->started_at = ref_or_null (usage->started_at);
  copy->ends_at = ref_or_null (usage->ends_at);
  copy->ended_at = ref_or_null (usage->ended_at);
  copy->end_reason = g_strdup (usage->end_reason);
  copy->can_extend_until = ref_or_null (usage->can_extend_until);
  return copy;
}

void
lh_usage_free (LhUsage *usage)
{
  if (usage == NULL)
    return;
  g_free (usage->resource_name);
  g_clear_pointer (&usage->started_at, g_date_time_unref);
  g_clear_pointer (&usage->ends_at, g_date_time_unref);
  g_clear_pointer (&usage->ended_at, g_date_time_unref);
  g_free (usage->end_reason);
  g_clear_pointer (&usage->can_extend_until, g_date_time_unref);
  g_free (usage);
}

static void
lh_device_pc_free (LhDevicePc *pc)
{
  if (pc == NULL)
    return;
  g_free (pc->name);
  g_clear_pointer (&pc->reserved_from, g_date_time_unref);
  g_clear_pointer (&pc->reserved_until, g_date_time_unref);
  g_free (pc);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhDevicePc, lh_device_pc_free)

void
lh_device_free (LhDevice *device)
{
  if (device == NULL)
    return;
  g_free (device->name);
  lh_device_pc_free (device->pc);
  g_free (device);
}

/* ---- parsing ---------------------------------------------------------- */

static gboolean
is_null (JsonObject *object,
         const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

/* A time that may be null: TRUE with *out NULL then. */
static gboolean
parse_optional_time (JsonObject  *object,
                     const char  *member,
                     GTimeZone   *tz,
                     GDateTime  **out,
                     GError     **error)
{
  *out = NULL;
  if (is_null (object, member))
    return TRUE;
  *out = lh_parse_time (object, member, tz, error);
  return *out != NULL;
}

static gboolean
parse_int (JsonObject  *object,
           const char  *member,
           gint64      *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Field “%s” is missing or not a whole number", member);
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

static const char *
parse_string (JsonObject  *object,
              const char  *member,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Field “%s” is missing or not a string", member);
      return NULL;
    }
  return json_node_get_string (node);
}

LhUsage *
lh_usage_from_json (JsonObject  *object,
                    GTimeZone   *tz,
                    GError     **error)
{
  g_autoptr(LhUsage) usage = g_new0 (LhUsage, 1);
  const char *name;

  g_return_val_if_fail (object != NULL, NULL);

  if (!parse_int (object, "id", &usage->id, error) ||
      !parse_int (object, "resource_id", &usage->resource_id, error) ||
      (name = parse_string (object, "resource_name", error)) == NULL)
    return NULL;
  usage->resource_name = g_strdup (name);
  usage->walk_up = g_strcmp0 (json_object_get_string_member_with_default (object, "kind", NULL), "walk-up") == 0;
  usage->end_reason = is_null (object, "end_reason") ? NULL
                      : g_strdup (json_object_get_string_member_with_default (object, "end_reason", NULL));
  usage->started_at = lh_parse_time (object, "started_at", tz, error);
  if (usage->started_at == NULL)
    return NULL;
  usage->ends_at = lh_parse_time (object, "ends_at", tz, error);
  if (usage->ends_at == NULL ||
      !parse_optional_time (object, "ended_at", tz, &usage->ended_at, error) ||
      !parse_optional_time (object, "can_extend_until", tz, &usage->can_extend_until, error))
    return NULL;
  return g_steal_pointer (&usage);
}

gboolean
lh_usage_member_from_json (JsonObject  *object,
                           GTimeZone   *tz,
                           LhUsage    **out_usage,
                           GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (out_usage != NULL, FALSE);

  *out_usage = NULL;
  node = json_object_get_member (object, "usage");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “usage” is not an object");
      return FALSE;
    }
  *out_usage = lh_usage_from_json (json_node_get_object (node), tz, error);
  return *out_usage != NULL;
}

static LhDevicePc *
device_pc_from_json (JsonObject  *object,
                     GTimeZone   *tz,
                     GError     **error)
{
  g_autoptr(LhDevicePc) pc = g_new0 (LhDevicePc, 1);
  const char *name;

  if (!parse_int (object, "id", &pc->id, error) ||
      (name = parse_string (object, "name", error)) == NULL)
    return NULL;
  pc->name = g_strdup (name);
  pc->in_use = json_object_get_boolean_member_with_default (object, "in_use", FALSE);
  if (!parse_optional_time (object, "reserved_from", tz, &pc->reserved_from, error) ||
      !parse_optional_time (object, "reserved_until", tz, &pc->reserved_until, error))
    return NULL;
  return g_steal_pointer (&pc);
}

LhDevice *
lh_device_from_json (JsonObject  *object,
                     GTimeZone   *tz,
                     GError     **error)
{
  g_autoptr(LhDevice) device = g_new0 (LhDevice, 1);
  gint64 heartbeat = 30;
  JsonNode *node;
  const char *name;

  g_return_val_if_fail (object != NULL, NULL);

  if (!parse_int (object, "id", &device->id, error) ||
      (name = parse_string (object, "name", error)) == NULL)
    return NULL;
  device->name = g_strdup (name);
  if (json_object_has_member (object, "heartbeat_seconds") &&
      !parse_int (object, "heartbeat_seconds", &heartbeat, error))
    return NULL;
  /* Well inside the daemon's 2 minutes, whatever it says. */
  device->heartbeat_seconds = (int) CLAMP (heartbeat, 5, 60);

  node = json_object_get_member (object, "pc");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      device->pc = device_pc_from_json (json_node_get_object (node), tz, error);
      if (device->pc == NULL)
        return NULL;
    }
  else if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “pc” is not an object");
      return NULL;
    }
  return g_steal_pointer (&device);
}

/* ---- words ------------------------------------------------------------ */

char *
lh_device_pc_format_reserved (const LhDevicePc *pc,
                              GDateTime        *now)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *clock = NULL;
  GTimeZone *tz;

  g_return_val_if_fail (now != NULL, NULL);

  if (pc == NULL || pc->reserved_from == NULL)
    return NULL;
  /* In now's zone, the centre's, whatever it was parsed in. */
  tz = g_date_time_get_timezone (now);
  from = g_date_time_to_timezone (pc->reserved_from, tz);
  until = pc->reserved_until ? g_date_time_to_timezone (pc->reserved_until, tz) : NULL;
  if (g_date_time_compare (from, now) <= 0 && until != NULL)
    {
      if (g_date_time_compare (until, now) <= 0)
        return NULL;
      clock = lh_format_clock (until);
      /* Translators: a PC's sign-in screen; %s is a time of day, e.g. 15:00 */
      return g_strdup_printf (_("Reserved until %s"), clock);
    }
  clock = lh_format_clock (from);
  /* Translators: a PC's sign-in screen; %s is a time of day, e.g. 14:00 */
  return g_strdup_printf (_("Reserved from %s"), clock);
}
