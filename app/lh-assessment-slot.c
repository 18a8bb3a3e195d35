/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-assessment-slot"

#include "lh-assessment-slot.h"

#include <gio/gio.h>

#include "lh-types.h"

static const char * const subject_names[LH_N_SUBJECTS] = { "english", "maths", "esol" };

LhAssessmentSlot *
lh_assessment_slot_copy (const LhAssessmentSlot *slot)
{
  LhAssessmentSlot *copy;

  g_return_val_if_fail (slot != NULL, NULL);

  copy = g_new0 (LhAssessmentSlot, 1);
  *copy = *slot;
  copy->assessor = g_strdup (slot->assessor);
  copy->place = g_strdup (slot->place);
  copy->start = g_date_time_ref (slot->start);
  copy->end = g_date_time_ref (slot->end);
  copy->time_off = slot->time_off ? lh_time_off_copy (slot->time_off) : NULL;
  return copy;
}

void
lh_assessment_slot_free (LhAssessmentSlot *slot)
{
  if (slot == NULL)
    return;
  g_free (slot->assessor);
  g_free (slot->place);
  g_clear_pointer (&slot->start, g_date_time_unref);
  g_clear_pointer (&slot->end, g_date_time_unref);
  g_clear_pointer (&slot->time_off, lh_time_off_free);
  g_free (slot);
}

static const char *
get_string (JsonObject  *object,
            const char  *member,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “%s” is not a string", member);
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
get_boolean (JsonObject  *object,
             const char  *member,
             gboolean    *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “%s” is not true or false", member);
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

LhAssessmentSlot *
lh_assessment_slot_from_json (JsonObject  *object,
                              GTimeZone   *tz,
                              GError     **error)
{
  g_autoptr(LhAssessmentSlot) slot = g_new0 (LhAssessmentSlot, 1);
  JsonNode *id = NULL;
  const char *subject;
  const char *assessor;
  const char *place;
  guint i;

  g_return_val_if_fail (object != NULL, NULL);

  id = json_object_get_member (object, "id");
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_INT64)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “id” is not a whole number");
      return NULL;
    }
  slot->id = json_node_get_int (id);

  subject = get_string (object, "subject", error);
  if (subject == NULL)
    return NULL;
  for (i = 0; i < LH_N_SUBJECTS; i++)
    if (g_str_equal (subject, subject_names[i]))
      break;
  if (i == LH_N_SUBJECTS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Unknown subject “%s”", subject);
      return NULL;
    }
  slot->subject = (LhSubject) i;

  assessor = get_string (object, "assessor", error);
  if (assessor == NULL)
    return NULL;
  slot->assessor = g_strdup (assessor);
  place = get_string (object, "place", error);
  if (place == NULL)
    return NULL;
  slot->place = g_strdup (place);
  if (!get_boolean (object, "taken", &slot->taken, error) ||
      !get_boolean (object, "mine", &slot->mine, error))
    return NULL;
  /* A slot of the person's own is taken, whatever else is said. */
  slot->taken = slot->taken || slot->mine;
  /* `learner` (only ever the person's own name here) is not kept: the
   * kiosk has no use for it, and a name not held cannot be shown. */

  slot->start = lh_parse_time (object, "start", tz, error);
  if (slot->start == NULL)
    return NULL;
  slot->end = lh_parse_time (object, "end", tz, error);
  if (slot->end == NULL)
    return NULL;
  /* Only the answer to booking it carries it. */
  if (!lh_time_off_member_from_json (object, tz, &slot->time_off, error))
    return NULL;
  return g_steal_pointer (&slot);
}
