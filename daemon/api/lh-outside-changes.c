/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-api"

#include "lh-outside-changes.h"

#include "lh-resources.h"
#include "lh-routes.h"
#include "lh-time.h"

struct _LhOutsideChanges
{
  GObject         parent_instance;

  LhStore        *store;        /* (owned) */
  LhEventHub     *events;       /* (owned) */
  LhHousekeeper  *housekeeper;  /* (owned) */
  const LhCentre *centre;       /* (unowned) */
  guint           poll_id;
};

G_DEFINE_FINAL_TYPE (LhOutsideChanges, lh_outside_changes, G_TYPE_OBJECT)

static void
lh_outside_changes_dispose (GObject *object)
{
  LhOutsideChanges *self = LH_OUTSIDE_CHANGES (object);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_object (&self->housekeeper);
  g_clear_object (&self->events);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (lh_outside_changes_parent_class)->dispose (object);
}

static void
lh_outside_changes_class_init (LhOutsideChangesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lh_outside_changes_dispose;
}

static void
lh_outside_changes_init (LhOutsideChanges *self)
{
}

static void
publish_id (LhOutsideChanges *self, const char *type, const char *member, gint64 id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, id);
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  lh_event_hub_publish (self->events, type, data, 0);
}

/* Today's day of every resource: a PC's own kiosk and the booking pages
 * showing today read it again (a resource added, a kiosk revoked and its
 * sitting ended, new rules or a closure). */
static void
publish_availability_today (LhOutsideChanges *self, gint64 now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) resources = lh_resources_list (self->store, &error);
  g_autofree char *today = lh_time_format_date (now, self->centre->tz);

  if (resources == NULL)
    {
      g_message ("Cannot list the resources to tell the kiosks: %s", error->message);
      return;
    }
  for (guint i = 0; i < resources->len; i++)
    {
      const LhResource *resource = g_ptr_array_index (resources, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) data = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "resource_id");
      json_builder_add_int_value (builder, resource->id);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, today);
      json_builder_end_object (builder);
      data = json_builder_get_root (builder);
      lh_event_hub_publish (self->events, "availability-changed", data, 0);
    }
}

static void
publish_faults_changed (LhOutsideChanges *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fault_id");
  json_builder_add_int_value (builder, 0);
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  lh_event_hub_publish_to_admins (self->events, "faults-changed", data);
}

/* What changed is not known, only that something did: streams are checked
 * first (nothing more reaches a revoked kiosk), then every kiosk is told
 * to read again what it shows. Events never name anyone. */
static void
act_on_change (LhOutsideChanges *self)
{
  gint64 now = lh_time_now ();

  g_message ("The database was changed by another program (learnhubctl); acting on it");
  lh_event_hub_check_now (self->events);
  lh_housekeeper_reschedule (self->housekeeper);
  publish_id (self, "group-session-changed", "id", 0);
  publish_id (self, "assessment-slot-changed", "id", 0);
  publish_id (self, "queue-changed", "dropin_id", 0);
  lh_routes_publish_time_off_pending (self->store, self->events);
  publish_availability_today (self, now);
  /* A fault reported or repaired, a check done, with learnhubctl. */
  publish_faults_changed (self);
  lh_routes_publish_admin_notices (self->store, self->events);
  /* A meeting or an objective changed with learnhubctl. */
  lh_routes_publish_committee_changed (self->events, "any");
}

static gboolean
poll_cb (gpointer user_data)
{
  LhOutsideChanges *self = user_data;

  /* The daemon's own transactions end within the iteration that began
   * them; were one ever open here, the change waits for the next tick. */
  if (!lh_store_in_transaction (self->store) && lh_store_changed_elsewhere (self->store))
    act_on_change (self);
  return G_SOURCE_CONTINUE;
}

LhOutsideChanges *
lh_outside_changes_new (LhStore *store, const LhCentre *centre, LhEventHub *events, LhHousekeeper *housekeeper)
{
  LhOutsideChanges *self;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  self = g_object_new (LH_TYPE_OUTSIDE_CHANGES, NULL);
  self->store = g_object_ref (store);
  self->events = g_object_ref (events);
  self->housekeeper = g_object_ref (housekeeper);
  self->centre = centre;
  /* Whatever happened before the daemon started is what it starts from. */
  lh_store_changed_elsewhere (store);
  self->poll_id = g_timeout_add (LH_OUTSIDE_CHANGES_POLL_MS, poll_cb, self);
  return self;
}
