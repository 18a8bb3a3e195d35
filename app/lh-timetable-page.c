/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-timetable-page"

#include "lh-timetable-page.h"
#include "lh-may.h"

#include <glib/gi18n.h>

#include "lh-group-form.h"
#include "lh-messages.h"
#include "lh-slot-form.h"
#include "lh-slot-widgets.h"
#include "lh-timetable-words.h"

#define N_DAYS 14

struct _LhTimetablePage
{
  LhPage        parent_instance;

  GCancellable *submit_cancellable;  /* (owned) (nullable) while setting up */
  GPtrArray    *rooms;               /* (owned) (nullable) (element-type LhRoom) */
  LhGroupPlan  *group_plan;          /* (owned) (nullable) the group being confirmed */
  LhSlotPlan   *slot_plan;           /* (owned) (nullable) the slot being confirmed */

  /* template children (unowned) */
  GtkWidget    *slots_section;
  GtkWidget    *no_slots_label;
  GtkListBox   *slots_list;
  LhGroupForm  *group_form;
  LhSlotForm   *slot_form;
  GtkLabel     *confirm_question_label;
  GtkLabel     *done_title_label;
  GtkLabel     *done_facts_label;
  GtkWidget    *group_tile;
  GtkWidget    *slot_tile;
};

G_DEFINE_FINAL_TYPE (LhTimetablePage, lh_timetable_page, LH_TYPE_PAGE)

static void load_slots (LhTimetablePage *self, GCancellable *cancellable);

gboolean
lh_timetable_page_is_for (const LhPerson *person)
{
  return lh_may (person, LH_WAY_TIMETABLE);
}

static gboolean
is_busy (LhTimetablePage *self)
{
  return self->submit_cancellable != NULL;
}

static LhPerson *
get_person (LhTimetablePage *self)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));

  return client != NULL ? lh_client_get_person (client) : NULL;
}

/* Now by the centre's clock, in its time zone. */
static GDateTime *
centre_now (LhTimetablePage *self)
{
  return lh_client_now (lh_page_get_client (LH_PAGE (self)));
}

static void
lh_timetable_page_update_online (LhPage   *page,
                                 gboolean  online)
{
  LhTimetablePage *self = LH_TIMETABLE_PAGE (page);

  gtk_widget_set_sensitive (self->group_tile, online);
  gtk_widget_set_sensitive (self->slot_tile, online);
}

/* ---- the two forms ---------------------------------------------------- */

static void
group_tile_clicked_cb (LhTimetablePage *self,
                       GtkButton       *button)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->rooms == NULL || is_busy (self))
    return;
  now = centre_now (self);
  lh_group_form_reset (self->group_form, now, self->rooms);
  lh_page_set_view (LH_PAGE (self), "group");
  lh_group_form_focus (self->group_form);
}

static void
slot_tile_clicked_cb (LhTimetablePage *self,
                      GtkButton       *button)
{
  g_autoptr(GDateTime) now = NULL;

  if (is_busy (self))
    return;
  now = centre_now (self);
  lh_slot_form_reset (self->slot_form, now);
  lh_page_set_view (LH_PAGE (self), "slot");
}

static void
clear_plans (LhTimetablePage *self)
{
  g_clear_pointer (&self->group_plan, lh_group_plan_free);
  g_clear_pointer (&self->slot_plan, lh_slot_plan_free);
}

static void
group_form_next_cb (LhTimetablePage *self,
                    LhGroupForm     *form)
{
  g_autofree char *question = NULL;
  g_autofree char *facts = NULL;

  clear_plans (self);
  self->group_plan = lh_group_form_get_plan (form);
  if (self->group_plan == NULL)
    return;
  question = lh_timetable_group_question (self->group_plan);
  facts = lh_timetable_group_facts (self->group_plan);
  gtk_label_set_label (self->confirm_question_label, question);
  gtk_button_set_label (lh_page_get_confirm_button (LH_PAGE (self)), _("Set it up"));
  lh_page_show_confirm (LH_PAGE (self), facts, FALSE);
}

static void
slot_form_next_cb (LhTimetablePage *self,
                   LhSlotForm      *form)
{
  g_autofree char *question = NULL;
  g_autofree char *facts = NULL;

  clear_plans (self);
  self->slot_plan = lh_slot_form_get_plan (form);
  if (self->slot_plan == NULL)
    return;
  question = lh_timetable_slot_question (self->slot_plan);
  facts = lh_timetable_slot_facts (self->slot_plan);
  gtk_label_set_label (self->confirm_question_label, question);
  gtk_button_set_label (lh_page_get_confirm_button (LH_PAGE (self)), _("Offer it"));
  lh_page_show_confirm (LH_PAGE (self), facts, FALSE);
}

/* ---- setting it up ---------------------------------------------------- */

static void
show_done (LhTimetablePage *self,
           const char      *title,
           const char      *facts)
{
  gtk_label_set_label (self->done_title_label, title);
  gtk_label_set_label (self->done_facts_label, facts);
  clear_plans (self);
  lh_page_set_view (LH_PAGE (self), "done");
}

/* A refusal by its reason, in the kiosk's words, never the daemon's
 * English detail. */
static void
show_refusal (LhTimetablePage *self,
              const GError    *error)
{
  g_autofree char *message = NULL;

  message = lh_message_for_error (error);
  lh_page_show_confirm_error (LH_PAGE (self), message);
}

static gboolean
end_submit (LhTimetablePage *self,
            GObject         *source,
            const GError    *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  g_clear_object (&self->submit_cancellable);
  lh_page_end_confirm (LH_PAGE (self));
  if (error == NULL)
    return TRUE;
  g_debug ("Setting up failed: %s", error->message);
  /* Signed out: the window says so. */
  if (!g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    show_refusal (self, error);
  return FALSE;
}

static void
group_created_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhGroupSession) session = NULL;
  LhTimetablePage *self;
  g_autofree char *title = NULL;
  g_autofree char *facts = NULL;

  session = lh_client_create_group_session_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_TIMETABLE_PAGE (user_data);
  if (!end_submit (self, source, error) || self->group_plan == NULL)
    return;
  title = lh_timetable_group_done (self->group_plan);
  facts = lh_timetable_group_facts (self->group_plan);
  show_done (self, title, facts);
}

static void
slot_offered_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhOfferedSlot) slot = NULL;
  LhTimetablePage *self;
  g_autofree char *facts = NULL;

  slot = lh_client_offer_assessment_slot_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_TIMETABLE_PAGE (user_data);
  if (!end_submit (self, source, error) || self->slot_plan == NULL)
    return;
  facts = lh_timetable_slot_facts (self->slot_plan);
  show_done (self, _("The assessment slot is offered."), facts);
}

static void
confirm_clicked_cb (LhTimetablePage *self,
                    GtkButton       *button)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));

  /* One request at a time, however often the button is pressed, and
   * none from a tap that lands after the answer. */
  if (is_busy (self) || !lh_page_can_confirm (LH_PAGE (self)) ||
      (self->group_plan == NULL && self->slot_plan == NULL))
    return;

  self->submit_cancellable = g_cancellable_new ();
  lh_page_begin_confirm (LH_PAGE (self));
  if (self->group_plan != NULL)
    lh_client_create_group_session_async (client, self->group_plan, self->submit_cancellable,
                                          group_created_cb, self);
  else
    lh_client_offer_assessment_slot_async (client, self->slot_plan, self->submit_cancellable,
                                           slot_offered_cb, self);
}

static void
confirm_back_clicked_cb (LhTimetablePage *self,
                         GtkButton       *button)
{
  lh_timetable_page_go_back (self);
}

static void
another_clicked_cb (LhTimetablePage *self,
                    GtkButton       *button)
{
  lh_timetable_page_load (self);
}

/* ---- the ULR's own slots ---------------------------------------------- */

static GtkWidget *
slot_row_new (const LhOfferedSlot *slot)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *when = lh_timetable_offered_when (slot);
  g_autofree char *who = lh_timetable_offered_who (slot);
  GtkWidget *label;
  GtkWidget *row;

  label = gtk_label_new (when);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "lh-tt-slot-when");
  gtk_box_append (GTK_BOX (box), label);
  if (slot->place != NULL)
    {
      label = gtk_label_new (slot->place);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
    }
  label = gtk_label_new (who);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, slot->learner != NULL || slot->taken ? "lh-tt-slot-booked" : "lh-tt-slot-free");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "lh-tt-slot");

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, TRUE);
  /* A screen reader moving row by row hears the whole slot. */
  {
    g_autofree char *spoken = g_strdup_printf (C_("a slot's row: when, then who", "%s, %s"), when, who);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  }
  return row;
}

static void
show_slots (LhTimetablePage *self,
            GPtrArray       *slots)
{
  LhPerson *person = get_person (self);
  g_autoptr(GDateTime) now = centre_now (self);
  guint shown = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->slots_list))) != NULL)
    gtk_list_box_remove (self->slots_list, child);
  /* The person's own: those they assess. */
  for (guint i = 0; slots != NULL && person != NULL && i < slots->len; i++)
    {
      const LhOfferedSlot *slot = g_ptr_array_index (slots, i);

      /* Over already: nothing more to do about it. */
      if (slot->assessor_id != person->id || g_date_time_compare (slot->end, now) <= 0)
        continue;
      gtk_list_box_append (self->slots_list, slot_row_new (slot));
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->slots_list), shown > 0);
  gtk_widget_set_visible (self->no_slots_label, shown == 0);
}

static void
slots_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  LhTimetablePage *self;

  slots = lh_client_list_offered_slots_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_TIMETABLE_PAGE (user_data);
  if (slots != NULL)
    {
      show_slots (self, slots);
      lh_page_set_content (LH_PAGE (self), "ready");
    }
  lh_page_end_load (LH_PAGE (self), error);
}

static void
load_slots (LhTimetablePage *self,
            GCancellable    *cancellable)
{
  LhPerson *person = get_person (self);
  gboolean ulr = lh_may (person, LH_WAY_DESK);

  gtk_widget_set_visible (self->slots_section, ulr);
  if (!ulr)
    {
      lh_page_set_content (LH_PAGE (self), "ready");
      lh_page_end_load (LH_PAGE (self), NULL);
      return;
    }
  lh_client_list_offered_slots_async (lh_page_get_client (LH_PAGE (self)), cancellable, slots_cb, self);
}

static void
rooms_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rooms = NULL;
  LhTimetablePage *self;

  rooms = lh_client_list_rooms_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_TIMETABLE_PAGE (user_data);
  if (rooms == NULL)
    {
      lh_page_end_load (LH_PAGE (self), error);
      return;
    }
  g_clear_pointer (&self->rooms, g_ptr_array_unref);
  self->rooms = g_steal_pointer (&rooms);
  /* A centre without rooms has nowhere for a group to meet. */
  gtk_widget_set_visible (self->group_tile, self->rooms->len > 0);
  /* Still the same load: its cancellable is the page's. */
  load_slots (self, g_task_get_cancellable (G_TASK (result)));
}

/* ---- changes made elsewhere ------------------------------------------- */

static void
lh_timetable_page_refresh (LhPage *page)
{
  LhTimetablePage *self = LH_TIMETABLE_PAGE (page);

  lh_page_refresh (page, !lh_page_view_is (page, "start") || is_busy (self));
}

static void
lh_timetable_page_connect_client (LhPage   *page,
                                  LhClient *client)
{
  lh_page_refresh_on_event (page, client, "event::assessment-slot-changed");
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_timetable_page_dispose (GObject *object)
{
  lh_timetable_page_reset (LH_TIMETABLE_PAGE (object));

  G_OBJECT_CLASS (lh_timetable_page_parent_class)->dispose (object);
}

static void
lh_timetable_page_load_page (LhPage *page)
{
  lh_timetable_page_load (LH_TIMETABLE_PAGE (page));
}

static void
lh_timetable_page_class_init (LhTimetablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  object_class->dispose = lh_timetable_page_dispose;
  page_class->connect_client = lh_timetable_page_connect_client;
  page_class->update_online = lh_timetable_page_update_online;
  page_class->load = lh_timetable_page_load_page;
  page_class->refresh = lh_timetable_page_refresh;

  g_type_ensure (LH_TYPE_GROUP_FORM);
  g_type_ensure (LH_TYPE_SLOT_FORM);
  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-timetable-page.ui", TRUE);
  gtk_widget_class_bind_template_child (widget_class, LhTimetablePage, slots_section);
  gtk_widget_class_bind_template_child (widget_class, LhTimetablePage, no_slots_label);
  gtk_widget_class_bind_template_child (widget_class, LhTimetablePage, slots_list);
  gtk_widget_class_bind_template_child (widget_class, LhTimetablePage, group_form);
  gtk_widget_class_bind_template_child (widget_class, LhTimetablePage, slot_form);
  gtk_widget_class_bind_template_child (widget_class, LhTimetablePage, confirm_question_label);
  gtk_widget_class_bind_template_child (widget_class, LhTimetablePage, done_title_label);
  gtk_widget_class_bind_template_child (widget_class, LhTimetablePage, done_facts_label);
  gtk_widget_class_bind_template_child (widget_class, LhTimetablePage, group_tile);
  gtk_widget_class_bind_template_child (widget_class, LhTimetablePage, slot_tile);
  gtk_widget_class_bind_template_callback (widget_class, group_tile_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, slot_tile_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_form_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, slot_form_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, another_clicked_cb);
}

static void
lh_timetable_page_init (LhTimetablePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lh_timetable_page_load (LhTimetablePage *self)
{
  LhPage *page = LH_PAGE (self);
  GCancellable *cancellable;

  g_return_if_fail (LH_IS_TIMETABLE_PAGE (self));

  if (lh_page_get_client (page) == NULL || is_busy (self))
    return;

  clear_plans (self);
  lh_page_set_view (page, "start");
  lh_page_show_message (page, NULL);
  /* A reload keeps what is shown until the new comes. */
  cancellable = lh_page_begin_load (page, lh_page_content_is (page, "ready"));
  lh_client_list_rooms_async (lh_page_get_client (page), cancellable, rooms_cb, self);
}

void
lh_timetable_page_reset (LhTimetablePage *self)
{
  g_return_if_fail (LH_IS_TIMETABLE_PAGE (self));

  g_cancellable_cancel (self->submit_cancellable);
  g_clear_object (&self->submit_cancellable);
  clear_plans (self);
  g_clear_pointer (&self->rooms, g_ptr_array_unref);
  if (self->slots_list != NULL)
    {
      show_slots (self, NULL);
      gtk_widget_set_visible (self->slots_section, FALSE);
      gtk_label_set_label (self->confirm_question_label, "");
      gtk_label_set_label (self->done_title_label, "");
      gtk_label_set_label (self->done_facts_label, "");
    }
  lh_page_reset (LH_PAGE (self), "start");
}

gboolean
lh_timetable_page_go_back (LhTimetablePage *self)
{
  LhPage *page = LH_PAGE (self);

  g_return_val_if_fail (LH_IS_TIMETABLE_PAGE (self), FALSE);

  if (lh_page_view_is (page, "confirm"))
    {
      /* A request in flight happens anyway: wait for its answer. */
      if (is_busy (self))
        return TRUE;
      /* Back to the form, as it was filled in. */
      lh_page_set_view (page, self->group_plan != NULL ? "group" : "slot");
      clear_plans (self);
      return TRUE;
    }
  if (lh_page_view_is (page, "group") || lh_page_view_is (page, "slot"))
    {
      lh_page_set_view (page, "start");
      if (lh_page_is_stale (page))
        lh_timetable_page_load (self);
      return TRUE;
    }
  return FALSE;
}
