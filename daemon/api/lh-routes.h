/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a route handler gets, and the handlers themselves. Handlers parse the
 * request, call core/, and reply; authentication and roles are checked
 * before they run, from the route table in lh-server.c. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "lh-auth.h"
#include "lh-centre.h"
#include "lh-event-hub.h"
#include "lh-faults.h"
#include "lh-housekeeper.h"
#include "lh-people.h"
#include "lh-pin-checker.h"
#include "lh-store.h"
#include "lh-usage.h"

G_BEGIN_DECLS

typedef enum
{
  LH_AUTH_NONE,
  LH_AUTH_DEVICE,             /* a kiosk device token */
  LH_AUTH_SESSION,            /* a signed-in person's session token */
  LH_AUTH_DEVICE_OR_SESSION,
} LhAuthKind;

typedef struct
{
  SoupServerMessage *msg;        /* (owned) */
  LhStore           *store;      /* (owned) */
  LhEventHub        *events;     /* (owned) */
  LhHousekeeper     *housekeeper;  /* (owned) */
  LhPinChecker      *pins;       /* (owned) */
  const LhCentre    *centre;     /* (unowned) lives as long as the server */
  gint64             now;
  gint64             device_id;  /* set for device tokens, else 0 */
  gboolean           signed_in;
  LhSessionInfo      session;    /* valid if signed_in */
  gint64             path_id;    /* the {id} of the path, if any */
  GHashTable        *query;      /* (owned) (nullable) */
  const char        *audit_action; /* (nullable) set by a handler whose
                                    * change, by an admin, ULR or committee
                                    * member, is audited though its route
                                    * is not (lh-audit-routes.h) */
} LhRequest;

typedef void (*LhRouteHandler) (LhRequest *request);

typedef struct
{
  const char     *method;
  const char     *path;    /* "{id}" matches a positive whole number */
  LhAuthKind      auth;
  guint           roles;   /* LhRole bits, any of which will do; 0: any */
  LhRouteHandler  handler; /* (nullable) NULL for the WebSocket route */
  gboolean        answers_later; /* the handler pauses the message and
                                  * answers from a callback */
} LhRoute;

LhRequest *lh_request_ref   (LhRequest *request);
void       lh_request_unref (LhRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhRequest, lh_request_unref)

/* The body as a JSON object, or LH_ERROR_BAD_REQUEST. */
JsonNode  *lh_request_body_object (LhRequest *request,
                                   GError   **error);
void       lh_request_reply_json  (LhRequest *request,
                                   guint      status,
                                   JsonNode  *node);
void       lh_request_reply_builder (LhRequest   *request,
                                     guint        status,
                                     JsonBuilder *builder);
void       lh_request_reply_text  (LhRequest  *request,
                                   guint       status,
                                   const char *content_type,
                                   const char *text);
void       lh_request_reply_empty (LhRequest *request,
                                   guint      status);
void       lh_request_reply_error (LhRequest    *request,
                                   const GError *error);

/* The days asked for by ?from=YYYY-MM-DD&to=YYYY-MM-DD (both included),
 * as [*out_from, *out_to): by default LH_QUERY_DEFAULT_DAYS from today;
 * LH_ERROR_INVALID beyond LH_QUERY_MAX_DAYS or with to before from. */
#define LH_QUERY_DEFAULT_DAYS 14
#define LH_QUERY_MAX_DAYS     92
/* The same with the route's own bounds: by default default_days from
 * default_from_days after today (negative: before), at most max_days. */
gboolean   lh_request_query_period (LhRequest *request,
                                    int        default_from_days,
                                    int        default_days,
                                    int        max_days,
                                    gint64    *out_from,
                                    gint64    *out_to,
                                    GError   **error);
gboolean   lh_request_query_days (LhRequest *request,
                                  gint64    *out_from,
                                  gint64    *out_to,
                                  GError   **error);

/* lh-routes-page.c: ?after=ID&limit=N of a list read a page at a time;
 * after 0 when not given. LH_ERROR_BAD_REQUEST with reason
 * cursor-invalid or limit-invalid (1 to max_limit). */
gboolean   lh_request_query_page (LhRequest *request,
                                  guint      default_limit,
                                  guint      max_limit,
                                  gint64    *out_after,
                                  guint     *out_limit,
                                  GError   **error);
/* ?name=true or false; FALSE when not given; anything else is
 * LH_ERROR_BAD_REQUEST with reason query-invalid. */
gboolean   lh_request_query_flag (LhRequest  *request,
                                  const char *name,
                                  gboolean   *out_flag,
                                  GError    **error);
/* A list's LH_ERROR_NOT_FOUND for ?after= (no such id to go on from)
 * becomes LH_ERROR_BAD_REQUEST with reason cursor-invalid; any other
 * error is left as it is. */
void       lh_routes_page_cursor_error (GError **error);
typedef gint64 (*LhRowId) (gconstpointer row);
/* Cuts rows (read with limit + 1) to limit, and adds "more" and "next"
 * (the id of the last row, to pass as ?after=, or null). */
void       lh_routes_end_page    (JsonBuilder *builder,
                                  GPtrArray   *rows,
                                  guint        limit,
                                  LhRowId      row_id);

/* Sends an event meant for one person to their own streams and to the
 * kiosks where they are signed in now. Returns whether one of those
 * streams was open to have it. */
gboolean   lh_request_notify_person (LhRequest  *request,
                                     const char *type,
                                     JsonNode   *data,
                                     gint64      person_id);
/* The same, where there is no request (the housekeeper). */
gboolean   lh_routes_notify_person  (LhStore    *store,
                                     LhEventHub *events,
                                     gint64      now,
                                     const char *type,
                                     JsonNode   *data,
                                     gint64      person_id);

/* lh-routes-meetings.c: the committee's meetings; with what the
 * committee's routes share to read a body. */
void lh_route_list_meetings (LhRequest *request);
void lh_route_add_meeting   (LhRequest *request);
void lh_route_edit_meeting  (LhRequest *request);
void lh_route_committee_members (LhRequest *request);
/* Tells the signed-in committee members that its meetings ("meetings"),
 * action plan ("action-plan") or either ("any": changed by another
 * program) changed: the kind only, no one named. */
void lh_routes_publish_committee_changed (LhEventHub *events,
                                          const char *kind);
/* LH_ERROR_BAD_REQUEST for a member not one of members. */
gboolean lh_routes_check_members   (JsonObject         *object,
                                    const char * const *members,
                                    GError            **error);
/* An optional string member: absent or null leaves *out_value NULL. */
gboolean lh_routes_optional_string (JsonObject  *object,
                                    const char  *member,
                                    const char **out_value,
                                    GError     **error);
/* lh-routes-audit.c */
void lh_route_audit             (LhRequest *request);
/* lh-routes-action-plan.c */
void lh_route_action_plan       (LhRequest *request);
void lh_route_add_objective     (LhRequest *request);
void lh_route_edit_objective    (LhRequest *request);
void lh_route_objective_history (LhRequest *request);

/* lh-routes-time-off.c */
void lh_route_my_time_off       (LhRequest *request);
void lh_route_time_off_requests (LhRequest *request);
void lh_route_approve_time_off  (LhRequest *request);
void lh_route_reject_time_off   (LhRequest *request);
/* The optional "paid" member of a booking's body (absent or null: own
 * time), or LH_ERROR_BAD_REQUEST if it is not true or false. */
gboolean lh_routes_read_paid      (JsonObject *object,
                                   gboolean   *out_paid,
                                   GError    **error);
/* The same from a body that may be empty (own time). */
gboolean lh_routes_read_paid_body (LhRequest  *request,
                                   gboolean   *out_paid,
                                   GError    **error);
/* How many requests wait for an admin now (0 if that cannot be read). */
guint    lh_routes_pending_time_off (LhStore    *store);
/* Tells every stream how many requests wait now: admins' kiosks read
 * the list again. */
void     lh_routes_publish_time_off_pending (LhStore    *store,
                                             LhEventHub *events);

/* lh-routes-people.c */
void lh_route_health          (LhRequest *request);
void lh_route_sign_in         (LhRequest *request);
void lh_route_sign_out        (LhRequest *request);
void lh_route_list_devices    (LhRequest *request);
void lh_route_register_guest  (LhRequest *request);
void lh_route_heartbeat       (LhRequest *request);
/* lh-routes-resources.c */
void lh_route_list_resources  (LhRequest *request);
void lh_route_availability    (LhRequest *request);
void lh_route_rules           (LhRequest *request);
void lh_route_sign_in_shape   (LhRequest *request);
/* lh-routes-checks.c */
void lh_route_list_checks          (LhRequest *request);
void lh_route_check_done           (LhRequest *request);
/* lh-routes-admin-notices.c */
void lh_route_admin_notices        (LhRequest *request);
void lh_route_dismiss_admin_notice (LhRequest *request);
/* Tells the admins' streams how many notices are open now. */
void lh_routes_publish_admin_notices (LhStore    *store,
                                      LhEventHub *events);
/* lh-routes-equipment.c */
void lh_route_list_equipment       (LhRequest *request);
/* An item as GET /api/v1/equipment lists it; pc_states from
 * lh_usage_pc_states(), for its PC's kiosk. */
void lh_routes_add_equipment_item  (JsonBuilder       *builder,
                                    const LhEquipment *item,
                                    GHashTable        *pc_states,
                                    GTimeZone         *tz);
/* lh-routes-equipment-item.c */
void lh_route_equipment_item       (LhRequest *request);
void lh_route_equipment_status     (LhRequest *request);
/* The item as GET /api/v1/equipment/{id} answers it, with that status. */
void lh_routes_reply_equipment_item (LhRequest         *request,
                                     guint              status,
                                     const LhEquipment *item);
/* The same, after an add or edit, with how many bookings its PC link
 * moved and cancelled (moves: element-type LhFaultMove, nullable). */
void lh_routes_reply_equipment_change (LhRequest         *request,
                                       guint              status,
                                       const LhEquipment *item,
                                       const GPtrArray   *moves);
/* The daemon's kinds of item, as the member "kinds": the kiosk keeps no
 * list of its own. */
void lh_routes_add_equipment_kinds (JsonBuilder *builder);
/* lh-routes-equipment-edit.c */
void lh_route_add_equipment       (LhRequest *request);
void lh_route_edit_equipment      (LhRequest *request);
/* Tells the admins' kiosks that the item changed, to read it again. */
void lh_routes_publish_equipment_changed (LhEventHub *events,
                                          gint64      item_id);
/* lh-routes-faults.c */
void lh_route_report_fault         (LhRequest *request);
void lh_route_list_faults          (LhRequest *request);
void lh_route_assign_fault         (LhRequest *request);
void lh_route_fault_repaired       (LhRequest *request);
/* lh-routes-fault-notices.c */
void lh_route_notices_seen         (LhRequest *request);
/* A booking moved off (or cancelled on) a PC out of order, as its learner
 * is told: an event now, a notice at the next sign-in. */
/* The signed-in admin as the actor of an item's history; *out_name
 * (owned) holds the name the actor points to. */
gboolean lh_routes_admin_actor     (LhRequest        *request,
                                    LhEquipmentActor *actor,
                                    char            **out_name,
                                    GError          **error);
/* Tells each learner whose booking moved or was cancelled (element-type
 * LhFaultMove), live, and every kiosk the PCs' days (once per PC and
 * day); a notice told live is not told again at sign-in. */
void lh_routes_tell_moved_learners (LhRequest *request,
                                    GPtrArray *moves);
/* The same, where there is no request (the housekeeper). */
void lh_routes_tell_moved          (LhStore    *store,
                                    LhEventHub *events,
                                    GTimeZone  *tz,
                                    gint64      now,
                                    GPtrArray  *moves);
void lh_routes_add_fault_move      (JsonBuilder       *builder,
                                    const LhFaultMove *move,
                                    GTimeZone         *tz);
void lh_route_equipment_compliance (LhRequest *request);
/* lh-routes-equipment-usage.c */
void lh_route_equipment_usage      (LhRequest *request);
/* lh-routes-reports.c */
void lh_route_site_report          (LhRequest *request);
/* lh-routes-terms.c */
void lh_route_terms           (LhRequest *request);
/* lh-routes-bookings.c */
void lh_route_create_booking  (LhRequest *request);
void lh_route_my_bookings     (LhRequest *request);
void lh_route_cancel_booking  (LhRequest *request);
void lh_route_booking_calendar (LhRequest *request);
void lh_route_person_calendar (LhRequest *request);
void lh_route_new_calendar_feed (LhRequest *request);
/* lh-routes-assessments.c */
void lh_route_list_assessments  (LhRequest *request);
void lh_route_offer_assessment  (LhRequest *request);
void lh_route_book_assessment   (LhRequest *request);
void lh_route_cancel_assessment (LhRequest *request);

/* lh-routes-equality.c */
void lh_route_my_equality       (LhRequest *request);
void lh_route_set_my_equality   (LhRequest *request);
void lh_route_erase_my_equality (LhRequest *request);

/* lh-routes-settings.c: the signed-in person's own kiosk settings;
 * lh_routes_add_settings() adds "settings" to an object being built
 * (the sign-in's reply). */
void lh_route_my_settings (LhRequest *request);
void lh_route_set_my_settings (LhRequest *request);
void lh_route_erase_my_settings (LhRequest *request);
gboolean lh_routes_add_settings (JsonBuilder *builder,
                                 LhRequest   *request,
                                 gint64       person_id,
                                 GError     **error);


/* lh-routes-limits.c: the centre's idle timing for its kiosks
 * (idle_seconds, idle_long_page_seconds, idle_warning_seconds), into the
 * open object. */
void     lh_routes_add_idle   (JsonBuilder    *builder,
                               const LhCentre *centre);
/* Adds "may" (what the person may do) and "limits" (the rules in force
 * now, guests left, the idle timing) to an object being built. */
gboolean lh_routes_add_limits (JsonBuilder    *builder,
                               LhRequest      *request,
                               const LhPerson *person,
                               GError        **error);

/* lh-routes-usage.c */
void lh_route_this_device     (LhRequest *request);
void lh_route_my_usage        (LhRequest *request);
void lh_route_extend_usage    (LhRequest *request);
/* Sits the person of a new session down if the device is a PC's kiosk:
 * *out_usage stays NULL if not. FALSE, with the refusal, if they may not
 * use that PC now. */
gboolean lh_routes_begin_sitting (LhRequest           *request,
                                  const LhSessionInfo *session,
                                  LhUsage            **out_usage,
                                  GError             **error);
/* Ends the session's sitting, if any, and tells the kiosks. */
gboolean lh_routes_end_sitting   (LhRequest           *request,
                                  LhUsageEnd           reason,
                                  GError             **error);

/* lh-routes-groups.c */
void lh_route_list_groups     (LhRequest *request);
void lh_route_create_group    (LhRequest *request);
void lh_route_join_group      (LhRequest *request);
void lh_route_leave_group     (LhRequest *request);

/* lh-routes-dropins.c */
void lh_route_list_dropins          (LhRequest *request);
void lh_route_open_dropin           (LhRequest *request);
void lh_route_close_dropin          (LhRequest *request);
void lh_route_dropin_here           (LhRequest *request);
void lh_route_dropin_alert          (LhRequest *request);
/* lh-routes-advice.c */
void lh_route_create_advice_request (LhRequest *request);
void lh_route_get_advice_request    (LhRequest *request);
void lh_route_leave_advice_request  (LhRequest *request);
void lh_route_start_advice          (LhRequest *request);
void lh_route_no_show_advice        (LhRequest *request);
void lh_route_finish_advice         (LhRequest *request);
void lh_route_queue                 (LhRequest *request);
void lh_route_queue_next            (LhRequest *request);
/* Displays and desks read GET /api/v1/queue again. */
void lh_routes_publish_queue_changed (LhRequest *request,
                                      gint64     dropin_id);
/* A ULR staffing a drop-in stays signed in until it ends: a sign-in of
 * 30 minutes would end theirs halfway through. Not worth failing the
 * request over. */
void lh_routes_keep_signed_in        (LhRequest *request,
                                      gint64     until);
/* lh-routes-advice-slots.c */
void lh_route_list_advice_slots     (LhRequest *request);
void lh_route_offer_advice_slot     (LhRequest *request);
/* lh-routes-record.c */
void lh_route_list_ulrs             (LhRequest *request);
void lh_route_ulr_requests          (LhRequest *request);
void lh_route_my_record             (LhRequest *request);
void lh_route_learner_record        (LhRequest *request);
void lh_route_add_advice_note       (LhRequest *request);
void lh_route_add_plan_item         (LhRequest *request);
void lh_route_plan_item_done        (LhRequest *request);
void lh_route_add_mot               (LhRequest *request);
void lh_route_share_record          (LhRequest *request);
void lh_route_unshare_record        (LhRequest *request);
void lh_route_ask_deletion          (LhRequest *request);
void lh_route_confirm_deletion      (LhRequest *request);
void lh_route_my_facility_time      (LhRequest *request);
void lh_route_add_facility_time     (LhRequest *request);

G_END_DECLS
