/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-groups-page"

#include "lh-groups-page.h"

#include <glib/gi18n.h>

#include "lh-busy.h"
#include "lh-client-time-off.h"
#include "lh-group-cards.h"
#include "lh-messages.h"
#include "lh-paid-failure.h"
#include "lh-slot-widgets.h"
#include "lh-time-choice.h"
#include "lh-time-off-words.h"

struct _LhGroupsPage
{
  LhPage          parent_instance;

  GCancellable   *join_cancellable;   /* (owned) (nullable) while joining */
  GCancellable   *leave_cancellable;  /* (owned) (nullable) while giving up a place */
  GPtrArray      *sessions;           /* (owned) (nullable) (element-type LhGroupSession) shown */
  LhGroupSession *selected;           /* (owned) (nullable) the one being joined */
  gboolean        leaving_waiting;    /* the place being given up is on a waiting list */

  /* template children (unowned) */
  GtkScrolledWindow *scroller;
  GtkBox         *cards_box;
  GtkLabel       *confirm_question_label;
  LhTimeChoice   *time_choice;
  GtkLabel       *done_title_label;
  GtkWidget      *done_next_label;
  GtkLabel       *done_facts_label;
  GtkLabel       *done_time_off_label;
};

G_DEFINE_FINAL_TYPE (LhGroupsPage, lh_groups_page, LH_TYPE_PAGE)

static void lh_groups_page_refresh (LhPage *page);

/* ---- state ------------------------------------------------------------ */

static gboolean
is_busy (LhGroupsPage *self)
{
  return self->join_cancellable != NULL || self->leave_cancellable != NULL;
}

/* Offline, the list stays in view, read-only: the daemon could not say
 * yes, and the places may have changed. */
static void
lh_groups_page_update_online (LhPage   *page,
                              gboolean  online)
{
  LhGroupsPage *self = LH_GROUPS_PAGE (page);

  lh_page_set_buttons_sensitive (GTK_WIDGET (self->cards_box), online && !is_busy (self));
}

static void
back_to_list (LhGroupsPage *self,
              const char   *message)
{
  g_clear_pointer (&self->selected, lh_group_session_free);
  lh_page_set_view (LH_PAGE (self), "list");
  lh_groups_page_load (self);
  lh_page_show_message (LH_PAGE (self), message);
}

/* ---- joining ---------------------------------------------------------- */

static void
take_clicked_cb (GtkButton    *button,
                 LhGroupsPage *self)
{
  const LhGroupSession *session = g_object_get_data (G_OBJECT (button), LH_GROUP_SESSION_KEY);
  g_autofree char *what = NULL;
  g_autofree char *question = NULL;
  g_autofree char *fullness = NULL;
  g_autofree char *facts = NULL;
  gboolean full;

  if (session == NULL || is_busy (self) || !lh_page_is_online (LH_PAGE (self)))
    return;

  g_clear_pointer (&self->selected, lh_group_session_free);
  self->selected = lh_group_session_copy (session);
  full = lh_group_session_is_full (session);
  what = lh_format_group_session (session);
  /* Translators: "Join Maths together on Wednesday 25 November, 13:00 to 15:00?" */
  question = g_strdup_printf (_("Join %s?"), what);
  fullness = lh_group_format_fullness (session);
  /* Translators: the room, then how full the group is: "Group room · 3 places left" */
  facts = g_strdup_printf (_("%s · %s"), session->room, fullness);
  gtk_label_set_label (self->confirm_question_label, question);
  gtk_button_set_label (lh_page_get_confirm_button (LH_PAGE (self)),
                        full ? _("Join the waiting list") : _("Take a place"));
  /* Nothing chosen: the person always says which. A place on the
   * waiting list holds its time too. */
  lh_time_choice_ask (self->time_choice, lh_page_get_client (LH_PAGE (self)), "group-study",
                      session->start, session->end);
  lh_page_show_confirm (LH_PAGE (self), facts, FALSE);
}

static void
show_joined (LhGroupsPage       *self,
             const LhGroupPlace *place)
{
  g_autofree char *message = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *what = lh_format_group_session (self->selected);
  g_autofree char *time_off = place->time_off ? lh_time_off_format_outcome (place->time_off) : NULL;

  if (place->waiting)
    message = g_strdup_printf (_("You are number %d on the waiting list."), place->position);
  else
    message = g_strdup (_("You have a place."));
  /* Translators: "Maths together on Wednesday 25 November, 13:00 to 15:00, Group room" */
  facts = g_strdup_printf (_("%s, %s"), what, self->selected->room);
  gtk_label_set_label (self->done_title_label, message);
  gtk_widget_set_visible (self->done_next_label, place->waiting);
  gtk_label_set_label (self->done_facts_label, facts);
  /* Approved, waiting for approval, or the person's own time. */
  gtk_label_set_label (self->done_time_off_label, time_off ? time_off : "");
  gtk_widget_set_visible (GTK_WIDGET (self->done_time_off_label), time_off != NULL);
  g_clear_pointer (&self->selected, lh_group_session_free);
  lh_page_set_view (LH_PAGE (self), "done");
}

static void
join_failed (LhGroupsPage *self,
             const GError *error)
{
  g_autofree char *message = NULL;

  g_debug ("Joining failed: %s", error->message);
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT))
    back_to_list (self, _("You already have a place in this group, or you are on its waiting list."));
  else if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_INVALID))
    back_to_list (self, _("This group has started already or was called off. Please pick another one."));
  else if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NOT_FOUND))
    back_to_list (self, _("This group is not on any more. Please pick another one."));
  else
    {
      message = lh_message_for_error (error);
      lh_page_show_confirm_error (LH_PAGE (self), message);
    }
}

static void
join_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LhGroupsPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhGroupPlace) place = NULL;

  place = lh_client_join_group_paid_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_GROUPS_PAGE (user_data);
  if (place == NULL)
    {
      /* Still busy while it asks whether the paid time was refused. */
      lh_page_check_paid_failure (LH_PAGE (self), self->time_choice, &self->join_cancellable, error,
                                  (LhPaidFailedFunc) join_failed);
      return;
    }
  g_clear_object (&self->join_cancellable);
  lh_page_end_confirm (LH_PAGE (self));
  show_joined (self, place);
}

static void
join_clicked_cb (LhGroupsPage *self,
                 GtkButton    *button)
{
  /* One request at a time, however often the button is pressed, and
   * none from a tap that lands after the answer; none before the person
   * said whose time it is. */
  if (is_busy (self) || self->selected == NULL || !lh_page_can_confirm (LH_PAGE (self)) ||
      !lh_time_choice_get_chosen (self->time_choice))
    return;

  self->join_cancellable = g_cancellable_new ();
  lh_time_choice_clear_refusal (self->time_choice);
  lh_page_begin_confirm (LH_PAGE (self));
  lh_client_join_group_paid_async (lh_page_get_client (LH_PAGE (self)), self->selected->id,
                                   lh_time_choice_get_paid (self->time_choice),
                                   self->join_cancellable, join_cb, self);
}

/* Chosen: Book next, in view even in large text. */
static void
time_picked_cb (LhGroupsPage *self,
                LhTimeChoice *choice)
{
  gtk_widget_grab_focus (GTK_WIDGET (lh_page_get_confirm_button (LH_PAGE (self))));
}

/* The refusal's one tap: the same group, in the person's own time. */
static void
book_own_time_cb (LhGroupsPage *self,
                  LhTimeChoice *choice)
{
  join_clicked_cb (self, NULL);
}

static void
confirm_back_clicked_cb (LhGroupsPage *self,
                         GtkButton    *button)
{
  lh_groups_page_go_back (self);
}

static void
see_groups_clicked_cb (LhGroupsPage *self,
                       GtkButton    *button)
{
  back_to_list (self, NULL);
}

/* ---- giving up a place ------------------------------------------------ */

static void
give_up_clicked_cb (GtkButton    *button,
                    LhGroupsPage *self)
{
  GtkStack *ask = g_object_get_data (G_OBJECT (button), LH_GROUP_ASK_KEY);

  if (ask == NULL || is_busy (self) || !lh_page_is_online (LH_PAGE (self)))
    return;
  gtk_stack_set_visible_child_name (ask, "ask");
}

static void
keep_clicked_cb (GtkButton    *button,
                 LhGroupsPage *self)
{
  GtkStack *ask = g_object_get_data (G_OBJECT (button), LH_GROUP_ASK_KEY);

  if (ask == NULL || self->leave_cancellable != NULL)
    return;
  gtk_stack_set_visible_child_name (ask, "actions");
  if (lh_page_is_stale (LH_PAGE (self)))
    lh_groups_page_refresh (LH_PAGE (self));
}

static void
leave_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  LhGroupsPage *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!lh_client_leave_group_session_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_GROUPS_PAGE (user_data);
  g_clear_object (&self->leave_cancellable);

  if (error == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s",
                                  self->leaving_waiting ? _("You have left the waiting list.")
                                          : _("You have given up your place."));
      back_to_list (self, NULL);
      return;
    }

  g_debug ("Leaving failed: %s", error->message);
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NOT_FOUND))
    message = g_strdup (_("You had no place in this group any more."));
  else
    message = lh_message_for_error (error);
  back_to_list (self, message);
}

static void
yes_clicked_cb (GtkButton    *button,
                LhGroupsPage *self)
{
  const LhGroupSession *session = g_object_get_data (G_OBJECT (button), LH_GROUP_SESSION_KEY);

  if (session == NULL || is_busy (self) || lh_page_get_client (LH_PAGE (self)) == NULL ||
      !lh_page_is_online (LH_PAGE (self)))
    return;

  lh_page_show_message (LH_PAGE (self), NULL);
  self->leave_cancellable = g_cancellable_new ();
  self->leaving_waiting = g_strcmp0 (session->my_place, "waiting") == 0;
  lh_busy_begin (button);
  /* Nothing else on the list can be pressed until the answer comes. */
  lh_page_set_buttons_sensitive (GTK_WIDGET (self->cards_box), FALSE);
  lh_client_leave_group_session_async (lh_page_get_client (LH_PAGE (self)), session->id,
                                       self->leave_cancellable, leave_cb, self);
}

/* ---- the list --------------------------------------------------------- */

static void
show_sessions (LhGroupsPage *self,
               GPtrArray    *sessions)
{
  const LhGroupCardCallbacks callbacks = {
    G_CALLBACK (take_clicked_cb), G_CALLBACK (give_up_clicked_cb),
    G_CALLBACK (keep_clicked_cb), G_CALLBACK (yes_clicked_cb), self
  };
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double scrolled = gtk_adjustment_get_value (vadjustment);

  /* The cards point into the old list: drop them first. */
  lh_remove_children (GTK_WIDGET (self->cards_box));
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  self->sessions = g_ptr_array_ref (sessions);

  for (guint i = 0; i < sessions->len; i++)
    gtk_box_append (self->cards_box, lh_group_card_new (g_ptr_array_index (sessions, i), &callbacks));
  lh_page_set_content (LH_PAGE (self), sessions->len > 0 ? "list" : "empty");
  lh_page_update_online (LH_PAGE (self));
  /* Shown again after a change: stay where the person was reading. */
  gtk_adjustment_set_value (vadjustment, scrolled);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;

  sessions = lh_client_list_group_sessions_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (sessions != NULL)
    show_sessions (LH_GROUPS_PAGE (user_data), sessions);
  lh_page_end_load (LH_PAGE (user_data), error);
}

/* ---- changes made elsewhere ------------------------------------------- */

/* Loads the list again; while the person is deciding, only once they
 * are done. */
static void
lh_groups_page_refresh (LhPage *page)
{
  LhGroupsPage *self = LH_GROUPS_PAGE (page);

  lh_page_refresh (page, !lh_page_view_is (page, "list") || is_busy (self) ||
                                lh_group_cards_asking (GTK_WIDGET (self->cards_box)));
}

static void
lh_groups_page_connect_client (LhPage   *page,
                               LhClient *client)
{
  lh_page_refresh_on_event (page, client, "event::group-session-changed");
  /* Only reaches a stream opened as the person; harmless otherwise. */
  lh_page_refresh_on_event (page, client, "event::waiting-list-promoted");
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_groups_page_dispose (GObject *object)
{
  lh_groups_page_reset (LH_GROUPS_PAGE (object));

  G_OBJECT_CLASS (lh_groups_page_parent_class)->dispose (object);
}

static void
lh_groups_page_load_page (LhPage *page)
{
  lh_groups_page_load (LH_GROUPS_PAGE (page));
}

static void
lh_groups_page_class_init (LhGroupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  object_class->dispose = lh_groups_page_dispose;
  page_class->connect_client = lh_groups_page_connect_client;
  page_class->update_online = lh_groups_page_update_online;
  page_class->load = lh_groups_page_load_page;
  page_class->refresh = lh_groups_page_refresh;

  g_type_ensure (LH_TYPE_TIME_CHOICE);
  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-groups-page.ui", TRUE);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, confirm_question_label);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, time_choice);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, done_title_label);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, done_next_label);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, done_facts_label);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, done_time_off_label);
  gtk_widget_class_bind_template_callback (widget_class, join_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, book_own_time_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, see_groups_clicked_cb);
}

static void
lh_groups_page_init (LhGroupsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lh_groups_page_load (LhGroupsPage *self)
{
  LhPage *page = LH_PAGE (self);
  GCancellable *cancellable;

  g_return_if_fail (LH_IS_GROUPS_PAGE (self));

  if (lh_page_get_client (page) == NULL || is_busy (self))
    return;

  cancellable = lh_page_begin_list_load (page);
  /* The daemon's default: from today, for 14 days. */
  lh_client_list_group_sessions_async (lh_page_get_client (page), NULL, NULL, cancellable,
                                       list_cb, self);
}

void
lh_groups_page_reset (LhGroupsPage *self)
{
  g_return_if_fail (LH_IS_GROUPS_PAGE (self));

  g_cancellable_cancel (self->join_cancellable);
  g_clear_object (&self->join_cancellable);
  g_cancellable_cancel (self->leave_cancellable);
  g_clear_object (&self->leave_cancellable);
  if (self->cards_box != NULL)
    {
      lh_remove_children (GTK_WIDGET (self->cards_box));
      gtk_label_set_label (self->confirm_question_label, "");
      gtk_label_set_label (self->done_title_label, "");
      gtk_label_set_label (self->done_facts_label, "");
      gtk_label_set_label (self->done_time_off_label, "");
      lh_time_choice_reset (self->time_choice);
    }
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->selected, lh_group_session_free);
  lh_page_reset (LH_PAGE (self), "list");
}

gboolean
lh_groups_page_go_back (LhGroupsPage *self)
{
  g_return_val_if_fail (LH_IS_GROUPS_PAGE (self), FALSE);

  if (!lh_page_view_is (LH_PAGE (self), "confirm"))
    return FALSE;
  /* A request in flight happens anyway: wait for its answer. */
  if (self->join_cancellable != NULL)
    return TRUE;
  g_clear_pointer (&self->selected, lh_group_session_free);
  lh_page_set_view (LH_PAGE (self), "list");
  /* Changed elsewhere while the person was deciding. */
  if (lh_page_is_stale (LH_PAGE (self)))
    lh_groups_page_load (self);
  return TRUE;
}
