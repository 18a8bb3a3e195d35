/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for the admin's equipment page. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-equipment.h"

#include "lh-client-private.h"
#include "lh-json-read.h"

/* ---- the types -------------------------------------------------------- */

void
lh_open_fault_free (LhOpenFault *fault)
{
  if (fault == NULL)
    return;
  g_free (fault->asset_tag);
  g_free (fault->kind);
  g_free (fault->pc_name);
  g_free (fault->category);
  g_clear_pointer (&fault->reported_at, g_date_time_unref);
  g_free (fault->assigned_to);
  g_free (fault);
}

LhOpenFault *
lh_open_fault_copy (const LhOpenFault *fault)
{
  LhOpenFault *copy = g_memdup2 (fault, sizeof *fault);

  copy->asset_tag = g_strdup (fault->asset_tag);
  copy->kind = g_strdup (fault->kind);
  copy->pc_name = g_strdup (fault->pc_name);
  copy->category = g_strdup (fault->category);
  copy->reported_at = fault->reported_at != NULL ? g_date_time_ref (fault->reported_at) : NULL;
  copy->assigned_to = g_strdup (fault->assigned_to);
  return copy;
}

void
lh_equipment_item_free (LhEquipmentItem *item)
{
  if (item == NULL)
    return;
  g_free (item->asset_tag);
  g_free (item->kind);
  g_free (item->description);
  g_free (item->location);
  g_free (item->status);
  g_free (item->pc_name);
  g_free (item);
}

LhEquipmentItem *
lh_equipment_item_copy (const LhEquipmentItem *item)
{
  LhEquipmentItem *copy = g_memdup2 (item, sizeof *item);

  copy->asset_tag = g_strdup (item->asset_tag);
  copy->kind = g_strdup (item->kind);
  copy->description = g_strdup (item->description);
  copy->location = g_strdup (item->location);
  copy->status = g_strdup (item->status);
  copy->pc_name = g_strdup (item->pc_name);
  return copy;
}

void
lh_pc_choice_free (LhPcChoice *pc)
{
  if (pc == NULL)
    return;
  g_free (pc->name);
  g_free (pc);
}

static void
status_choice_free (LhStatusChoice *choice)
{
  g_free (choice->status);
  g_free (choice);
}

static void
item_event_free (LhItemEvent *event)
{
  g_clear_pointer (&event->at, g_date_time_unref);
  g_free (event->what);
  g_free (event->status);
  g_free (event->note);
  g_free (event->by);
  g_free (event);
}

void
lh_item_detail_free (LhItemDetail *detail)
{
  if (detail == NULL)
    return;
  lh_equipment_item_free (detail->item);
  g_clear_pointer (&detail->choices, g_ptr_array_unref);
  g_clear_pointer (&detail->history, g_ptr_array_unref);
  g_strfreev (detail->kinds);
  g_free (detail);
}

/* ---- parsing ---------------------------------------------------------- */

/* The name and (out_id nullable) id of a "pc" member ({"id", "name"} or
 * null). */
static gboolean
read_pc (JsonObject *object, char **out, gint64 *out_id, GError **error)
{
  JsonNode *pc = json_object_get_member (object, "pc");

  *out = NULL;
  if (pc == NULL || JSON_NODE_HOLDS_NULL (pc))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (pc))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "A PC is not an object");
      return FALSE;
    }
  return lh_json_read_string (json_node_get_object (pc), "name", TRUE, out, error) &&
         (out_id == NULL || lh_json_read_int (json_node_get_object (pc), "id", TRUE, out_id, error));
}

static gboolean
read_pc_name (JsonObject *object, char **out, GError **error)
{
  return read_pc (object, out, NULL, error);
}

static gpointer
fault_from_json (JsonObject *object, GTimeZone *tz, GError **error)
{
  g_autoptr(LhOpenFault) fault = g_new0 (LhOpenFault, 1);
  JsonNode *item = json_object_get_member (object, "item");

  if (item == NULL || !JSON_NODE_HOLDS_OBJECT (item))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "A fault names no item");
      return NULL;
    }
  if (!lh_json_read_int (object, "id", TRUE, &fault->id, error) ||
      !lh_json_read_string (json_node_get_object (item), "asset_tag", TRUE, &fault->asset_tag, error) ||
      !lh_json_read_string (json_node_get_object (item), "kind", TRUE, &fault->kind, error) ||
      !read_pc_name (json_node_get_object (item), &fault->pc_name, error) ||
      !lh_json_read_string (object, "category", TRUE, &fault->category, error) ||
      !lh_json_read_bool (object, "stops_use", &fault->stops_use, error) ||
      !lh_json_read_bool (object, "overdue", &fault->overdue, error) ||
      !lh_json_read_int (object, "reports", TRUE, &fault->reports, error) ||
      !lh_json_read_time (object, "reported_at", TRUE, tz, &fault->reported_at, error) ||
      !lh_json_read_string (object, "assigned_to", FALSE, &fault->assigned_to, error))
    return NULL;
  return g_steal_pointer (&fault);
}

static gpointer
item_from_json (JsonObject *object, GTimeZone *tz, GError **error)
{
  g_autoptr(LhEquipmentItem) item = g_new0 (LhEquipmentItem, 1);

  if (!lh_json_read_int (object, "id", TRUE, &item->id, error) ||
      !lh_json_read_string (object, "asset_tag", TRUE, &item->asset_tag, error) ||
      !lh_json_read_string (object, "kind", TRUE, &item->kind, error) ||
      !lh_json_read_string (object, "description", TRUE, &item->description, error) ||
      !lh_json_read_string (object, "location", TRUE, &item->location, error) ||
      !lh_json_read_string (object, "status", TRUE, &item->status, error) ||
      !read_pc (object, &item->pc_name, &item->pc_id, error))
    return NULL;
  return g_steal_pointer (&item);
}

static gpointer
choice_from_json (JsonObject *object, GTimeZone *tz, GError **error)
{
  LhStatusChoice *choice = g_new0 (LhStatusChoice, 1);

  if (!lh_json_read_string (object, "status", TRUE, &choice->status, error) ||
      !lh_json_read_bool (object, "note_required", &choice->note_required, error))
    {
      status_choice_free (choice);
      return NULL;
    }
  return choice;
}

static gpointer
event_from_json (JsonObject *object, GTimeZone *tz, GError **error)
{
  LhItemEvent *event = g_new0 (LhItemEvent, 1);

  if (!lh_json_read_time (object, "at", TRUE, tz, &event->at, error) ||
      !lh_json_read_string (object, "what", TRUE, &event->what, error) ||
      !lh_json_read_string (object, "status", TRUE, &event->status, error) ||
      !lh_json_read_string (object, "note", TRUE, &event->note, error) ||
      !lh_json_read_string (object, "by", TRUE, &event->by, error))
    {
      item_event_free (event);
      return NULL;
    }
  return event;
}

/* A list the daemon answers a page at a time: the rows, and whether it
 * has more than it sent. */
typedef struct
{
  GPtrArray *rows;  /* (owned) */
  gboolean   more;
  GStrv      kinds; /* (owned) (nullable) the daemon's kinds, with the inventory */
} ListPage;

static void
list_page_free (ListPage *page)
{
  g_clear_pointer (&page->rows, g_ptr_array_unref);
  g_strfreev (page->kinds);
  g_free (page);
}

static ListPage *
list_page_new (GPtrArray *rows, JsonObject *body)
{
  ListPage *page;

  if (rows == NULL)
    return NULL;
  page = g_new0 (ListPage, 1);
  page->rows = rows;
  page->more = json_object_get_boolean_member_with_default (body, "more", FALSE);
  return page;
}

/* The rows of a finished call's page (transfer full); *out_more whether
 * the daemon has more. */
static GPtrArray *
list_page_take (ListPage *page, gboolean *out_more)
{
  GPtrArray *rows;

  if (out_more != NULL)
    *out_more = page != NULL && page->more;
  if (page == NULL)
    return NULL;
  rows = g_steal_pointer (&page->rows);
  list_page_free (page);
  return rows;
}

static gpointer
parse_faults (LhClient *self, JsonObject *body, GError **error)
{
  return list_page_new (lh_json_read_list (body, "faults", TRUE, fault_from_json,
                                           (GDestroyNotify) lh_open_fault_free, lh_client_get_time_zone (self),
                                           error), body);
}

static gpointer
parse_fault (LhClient *self, JsonObject *body, GError **error)
{
  return fault_from_json (body, lh_client_get_time_zone (self), error);
}

static gpointer
parse_items (LhClient *self, JsonObject *body, GError **error)
{
  ListPage *page = list_page_new (lh_json_read_list (body, "items", TRUE, item_from_json,
                                                     (GDestroyNotify) lh_equipment_item_free,
                                                     lh_client_get_time_zone (self), error), body);

  if (page != NULL)
    page->kinds = lh_json_read_strings (body, "kinds");
  return page;
}

static gpointer
parse_detail (LhClient *self, JsonObject *body, GError **error)
{
  g_autoptr(LhItemDetail) detail = g_new0 (LhItemDetail, 1);
  GTimeZone *tz = lh_client_get_time_zone (self);
  JsonNode *item = json_object_get_member (body, "item");

  if (item == NULL || !JSON_NODE_HOLDS_OBJECT (item))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "No item in the answer");
      return NULL;
    }
  detail->item = item_from_json (json_node_get_object (item), tz, error);
  if (detail->item == NULL)
    return NULL;
  detail->choices = lh_json_read_list (body, "statuses", TRUE, choice_from_json,
                                       (GDestroyNotify) status_choice_free, tz, error);
  if (detail->choices == NULL)
    return NULL;
  detail->history = lh_json_read_list (body, "history", TRUE, event_from_json, (GDestroyNotify) item_event_free,
                                       tz, error);
  if (detail->history == NULL || !lh_json_read_bool (body, "history_more", &detail->history_more, error) ||
      !lh_json_read_bool (body, "editable", &detail->editable, error) ||
      /* Only after an add or edit: what its PC link did to bookings. */
      !lh_json_read_small_int (body, "bookings_moved", &detail->bookings_moved, error) ||
      !lh_json_read_small_int (body, "bookings_cancelled", &detail->bookings_cancelled, error))
    return NULL;
  detail->kinds = lh_json_read_strings (body, "kinds");
  return g_steal_pointer (&detail);
}

/* ---- the calls -------------------------------------------------------- */

void
lh_client_list_open_faults_async (LhClient            *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/faults", NULL, LH_AUTH_SESSION, parse_faults,
                          (GDestroyNotify) list_page_free, lh_client_list_open_faults_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_open_faults_finish (LhClient      *self,
                                   GAsyncResult  *result,
                                   gboolean      *out_more,
                                   GError       **error)
{
  return list_page_take (lh_client_check_finish (self, result, lh_client_list_open_faults_async, error), out_more);
}

void
lh_client_see_to_fault_async (LhClient            *self,
                              gint64               fault_id,
                              gboolean             assign,
                              const char          *text,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (!assign || text != NULL);

  if (text != NULL && *text != '\0')
    json_object_set_string_member (body, assign ? "to" : "note", text);
  path = g_strdup_printf ("/faults/%" G_GINT64_FORMAT "/%s", fault_id, assign ? "assign" : "repaired");
  lh_client_send_request (self, "POST", path, body, LH_AUTH_SESSION, parse_fault,
                          (GDestroyNotify) lh_open_fault_free, lh_client_see_to_fault_async,
                          cancellable, callback, user_data);
}

LhOpenFault *
lh_client_see_to_fault_finish (LhClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_see_to_fault_async, error);
}

void
lh_client_list_equipment_async (LhClient            *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/equipment", NULL, LH_AUTH_SESSION, parse_items,
                          (GDestroyNotify) list_page_free, lh_client_list_equipment_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_equipment_finish (LhClient      *self,
                                 GAsyncResult  *result,
                                 gboolean      *out_more,
                                 GStrv         *out_kinds,
                                 GError       **error)
{
  ListPage *page = lh_client_check_finish (self, result, lh_client_list_equipment_async, error);

  if (out_kinds != NULL)
    *out_kinds = page != NULL ? g_steal_pointer (&page->kinds) : NULL;
  return list_page_take (page, out_more);
}

void
lh_client_equipment_item_async (LhClient            *self,
                                gint64               item_id,
                                const char          *status,
                                const char          *note,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  if (status != NULL)
    {
      body = json_object_new ();
      json_object_set_string_member (body, "status", status);
      if (note != NULL && *note != '\0')
        json_object_set_string_member (body, "note", note);
    }
  path = g_strdup_printf ("/equipment/%" G_GINT64_FORMAT "%s", item_id, status != NULL ? "/status" : "");
  lh_client_send_request (self, status != NULL ? "POST" : "GET", path, body, LH_AUTH_SESSION, parse_detail,
                          (GDestroyNotify) lh_item_detail_free, lh_client_equipment_item_async,
                          cancellable, callback, user_data);
}

LhItemDetail *
lh_client_equipment_item_finish (LhClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_equipment_item_async, error);
}

/* ---- the admin's form --------------------------------------------------- */

/* The resources that are PCs, rooms left out. */
static gpointer
parse_pcs (LhClient *self, JsonObject *body, GError **error)
{
  g_autoptr(GPtrArray) pcs = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_pc_choice_free);
  JsonNode *node = json_object_get_member (body, "resources");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "No resources in the answer");
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      g_autofree char *kind = NULL;
      g_autoptr(LhPcChoice) pc = g_new0 (LhPcChoice, 1);

      if (object == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "A resource is not an object");
          return NULL;
        }
      if (!lh_json_read_string (object, "kind", TRUE, &kind, error) ||
          !lh_json_read_int (object, "id", TRUE, &pc->id, error) ||
          !lh_json_read_string (object, "name", TRUE, &pc->name, error))
        return NULL;
      if (g_str_equal (kind, "pc"))
        g_ptr_array_add (pcs, g_steal_pointer (&pc));
    }
  return g_steal_pointer (&pcs);
}

void
lh_client_list_pcs_async (LhClient            *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/resources", NULL, LH_AUTH_SESSION, parse_pcs,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_pcs_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_pcs_finish (LhClient      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_pcs_async, error);
}

void
lh_client_save_equipment_async (LhClient                 *self,
                                gint64                    item_id,
                                const LhEquipmentChanges *changes,
                                GCancellable             *cancellable,
                                GAsyncReadyCallback       callback,
                                gpointer                  user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (item_id != 0 || (changes->asset_tag != NULL && changes->kind != NULL));

  if (item_id == 0)
    {
      json_object_set_string_member (body, "asset_tag", changes->asset_tag);
      json_object_set_string_member (body, "kind", changes->kind);
    }
  /* An edit leaves out what was not changed: another admin's change of
   * it stands. */
  if (item_id == 0 || changes->description != NULL)
    json_object_set_string_member (body, "description", changes->description != NULL ? changes->description : "");
  if (item_id == 0 || changes->location != NULL)
    json_object_set_string_member (body, "location", changes->location != NULL ? changes->location : "");
  if (changes->pc_changed || (item_id == 0 && changes->pc_id != 0))
    {
      if (changes->pc_id != 0)
        json_object_set_int_member (body, "pc_id", changes->pc_id);
      else
        json_object_set_null_member (body, "pc_id");
    }
  if (changes->note != NULL && *changes->note != '\0')
    json_object_set_string_member (body, "note", changes->note);
  path = item_id == 0 ? g_strdup ("/equipment") : g_strdup_printf ("/equipment/%" G_GINT64_FORMAT, item_id);
  lh_client_send_request (self, item_id == 0 ? "POST" : "PATCH", path, body, LH_AUTH_SESSION, parse_detail,
                          (GDestroyNotify) lh_item_detail_free, lh_client_save_equipment_async,
                          cancellable, callback, user_data);
}

LhItemDetail *
lh_client_save_equipment_finish (LhClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_save_equipment_async, error);
}
