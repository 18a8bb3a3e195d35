/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ULRs' appointment slots: the list and offering one. Booking one is an
 * advice request (lh-routes-advice.c). A taken slot never says by whom. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-dropins.h"
#include "lh-time.h"

static void
add_slot (JsonBuilder *builder, const LhAdviceSlot *slot, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, slot->id);
  json_builder_set_member_name (builder, "ulr_id");
  json_builder_add_int_value (builder, slot->ulr_id);
  json_builder_set_member_name (builder, "ulr");
  json_builder_add_string_value (builder, slot->ulr_name);
  lh_json_add_time (builder, "start", slot->start_at, tz);
  lh_json_add_time (builder, "end", slot->end_at, tz);
  json_builder_set_member_name (builder, "place");
  json_builder_add_string_value (builder, slot->place);
  /* Taken says nothing of by whom. */
  json_builder_set_member_name (builder, "taken");
  json_builder_add_boolean_value (builder, slot->taken);
  json_builder_set_member_name (builder, "mine");
  json_builder_add_boolean_value (builder, slot->mine);
  json_builder_end_object (builder);
}

void
lh_route_list_advice_slots (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 from, to;

  if (!lh_request_query_days (request, &from, &to, &error) ||
      (slots = lh_advice_slots_list (request->store, from, to, request->signed_in ? request->session.person_id : 0,
                                     &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "advice_slots");
  json_builder_begin_array (builder);
  for (guint i = 0; i < slots->len; i++)
    add_slot (builder, g_ptr_array_index (slots, i), request->centre->tz);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

void
lh_route_offer_advice_slot (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceSlot) slot = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *object;
  const char *place = "";
  gint64 start, end;

  body = lh_request_body_object (request, &error);
  if (body == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  object = json_node_get_object (body);
  if ((lh_json_has (object, "place") && !lh_json_get_string (object, "place", &place, &error)) ||
      !lh_json_get_times (object, &start, &end, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  slot = lh_advice_slots_offer (request->store, request->session.person_id, request->session.person_id, start, end,
                                place, request->now, &error);
  if (slot == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  add_slot (builder, slot, request->centre->tz);
  lh_request_reply_builder (request, 201, builder);
}
