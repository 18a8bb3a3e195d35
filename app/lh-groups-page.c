/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-groups-page"

#include "lh-groups-page.h"

#include <glib/gi18n.h>

#include "lh-busy.h"
#include "lh-messages.h"
#include "lh-slot-widgets.h"
#include "lh-time-format.h"

#define LOADING_DELAY_MS 150

struct _LhGroupsPage
{
  AdwBin          parent_instance;

  LhClient       *client;             /* (owned) (nullable) */
  GCancellable   *load_cancellable;   /* (owned) (nullable) while the list loads */
  GCancellable   *join_cancellable;   /* (owned) (nullable) while joining */
  GCancellable   *leave_cancellable;  /* (owned) (nullable) while giving up a place */
  guint           loading_id;         /* shows the spinner if loading is slow */
  GPtrArray      *sessions;           /* (owned) (nullable) (element-type LhGroupSession) shown */
  LhGroupSession *selected;           /* (owned) (nullable) the one being joined */
  gboolean        reload_again;       /* changed while the list loaded */
  gboolean        stale;              /* changed while the person was deciding */
  gboolean        leaving_waiting;    /* the place being given up is on a waiting list */

  /* template children (unowned) */
  GtkStack       *view_stack;
  GtkWidget      *message_box;
  GtkLabel       *message_label;
  GtkWidget      *offline_note;
  GtkStack       *content_stack;
  GtkSpinner     *loading_spinner;
  GtkScrolledWindow *scroller;
  GtkBox         *cards_box;
  AdwStatusPage  *load_error_page;
  GtkLabel       *confirm_question_label;
  GtkLabel       *confirm_facts_label;
  GtkWidget      *confirm_error_box;
  GtkLabel       *confirm_error_label;
  GtkWidget      *confirm_offline_note;
  GtkWidget      *confirm_back_button;
  GtkButton      *join_button;
  GtkLabel       *done_title_label;
  GtkWidget      *done_next_label;
  GtkLabel       *done_facts_label;
};

G_DEFINE_FINAL_TYPE (LhGroupsPage, lh_groups_page, ADW_TYPE_BIN)

/* Object data on a card's widgets. */
#define SESSION_KEY "lh-group-session"   /* (unowned) LhGroupSession, on buttons */
#define ASK_STACK_KEY "lh-ask-stack"     /* (unowned) GtkStack, on buttons */

static void refresh (LhGroupsPage *self);

/* ---- words ------------------------------------------------------------ */

char *
lh_format_group_session (const LhGroupSession *session)
{
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (session != NULL, NULL);

  day = lh_format_day_long (session->start);
  from = lh_format_clock (session->start);
  to = lh_format_clock (session->end);
  /* Translators: "Maths together on Wednesday 25 November, 13:00 to 15:00" */
  return g_strdup_printf (_("%s on %s, %s to %s"), session->title, day, from, to);
}

/* "3 places left", "Full — 2 waiting" */
static char *
format_fullness (const LhGroupSession *session)
{
  int left = session->capacity - session->places_taken;

  if (left > 0)
    return g_strdup_printf (ngettext ("%d place left", "%d places left", left), left);
  if (session->waiting == 0)
    return g_strdup (_("Full"));
  /* Translators: how many people wait for a place in a full group */
  return g_strdup_printf (ngettext ("Full — %d waiting", "Full — %d waiting", session->waiting),
                          session->waiting);
}

/* "You have a place", "You are number 2 on the waiting list", or NULL. */
static char *
format_my_place (const LhGroupSession *session)
{
  if (g_strcmp0 (session->my_place, "booked") == 0)
    return g_strdup (_("You have a place"));
  if (g_strcmp0 (session->my_place, "waiting") == 0)
    return g_strdup_printf (_("You are number %d on the waiting list"), session->my_position);
  return NULL;
}

/* ---- state ------------------------------------------------------------ */

static gboolean
is_online (LhGroupsPage *self)
{
  return self->client == NULL || lh_client_get_online (self->client);
}

static gboolean
is_busy (LhGroupsPage *self)
{
  return self->join_cancellable != NULL || self->leave_cancellable != NULL;
}

static void
set_buttons_sensitive (GtkWidget *widget,
                       gboolean   sensitive)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        {
          if (!lh_busy_is_busy (GTK_BUTTON (child)))
            gtk_widget_set_sensitive (child, sensitive);
        }
      else
        set_buttons_sensitive (child, sensitive);
    }
}

/* Offline, the list stays in view, read-only: the daemon could not say
 * yes, and the places may have changed. */
static void
update_online (LhGroupsPage *self)
{
  gboolean online = is_online (self);

  set_buttons_sensitive (GTK_WIDGET (self->cards_box), online && !is_busy (self));
  gtk_widget_set_visible (self->offline_note, !online);
  gtk_widget_set_visible (self->confirm_offline_note, !online);
  if (!lh_busy_is_busy (self->join_button))
    gtk_widget_set_sensitive (GTK_WIDGET (self->join_button), online);
}

static void
show_message (LhGroupsPage *self,
              const char   *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (self->message_box, message != NULL);
}

static void
show_confirm_error (LhGroupsPage *self,
                    const char   *message)
{
  gtk_label_set_label (self->confirm_error_label, message ? message : "");
  gtk_widget_set_visible (self->confirm_error_box, message != NULL);
}

static void
stop_loading_timer (LhGroupsPage *self)
{
  g_clear_handle_id (&self->loading_id, g_source_remove);
  if (self->loading_spinner != NULL)
    gtk_spinner_stop (self->loading_spinner);
}

static void
back_to_list (LhGroupsPage *self,
              const char   *message)
{
  g_clear_pointer (&self->selected, lh_group_session_free);
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  lh_groups_page_load (self);
  show_message (self, message);
}

/* ---- joining ---------------------------------------------------------- */

static void
take_clicked_cb (GtkButton    *button,
                 LhGroupsPage *self)
{
  const LhGroupSession *session = g_object_get_data (G_OBJECT (button), SESSION_KEY);
  g_autofree char *what = NULL;
  g_autofree char *question = NULL;
  g_autofree char *fullness = NULL;
  g_autofree char *facts = NULL;
  gboolean full;

  if (session == NULL || is_busy (self) || !is_online (self))
    return;

  g_clear_pointer (&self->selected, lh_group_session_free);
  self->selected = lh_group_session_copy (session);
  full = lh_group_session_is_full (session);
  what = lh_format_group_session (session);
  /* Translators: "Join Maths together on Wednesday 25 November, 13:00 to 15:00?" */
  question = g_strdup_printf (_("Join %s?"), what);
  fullness = format_fullness (session);
  /* Translators: the room, then how full the group is: "Group room · 3 places left" */
  facts = g_strdup_printf (_("%s · %s"), session->room, fullness);
  gtk_label_set_label (self->confirm_question_label, question);
  gtk_label_set_label (self->confirm_facts_label, facts);
  gtk_button_set_label (self->join_button, full ? _("Join the waiting list") : _("Take a place"));
  show_confirm_error (self, NULL);
  show_message (self, NULL);
  gtk_stack_set_visible_child_name (self->view_stack, "confirm");
  gtk_widget_grab_focus (GTK_WIDGET (self->join_button));
}

static void
join_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LhGroupsPage *self;
  g_autoptr(GError) error = NULL;
  g_autofree LhGroupPlace *place = NULL;
  g_autofree char *message = NULL;

  place = lh_client_join_group_session_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_GROUPS_PAGE (user_data);
  g_clear_object (&self->join_cancellable);
  lh_busy_end (self->join_button);
  gtk_widget_set_sensitive (self->confirm_back_button, TRUE);
  update_online (self);

  if (place != NULL)
    {
      g_autofree char *facts = NULL;
      g_autofree char *what = lh_format_group_session (self->selected);

      if (place->waiting)
        message = g_strdup_printf (_("You are number %d on the waiting list."), place->position);
      else
        message = g_strdup (_("You have a place."));
      /* Translators: "Maths together on Wednesday 25 November, 13:00 to 15:00, Group room" */
      facts = g_strdup_printf (_("%s, %s"), what, self->selected->room);
      gtk_label_set_label (self->done_title_label, message);
      gtk_widget_set_visible (self->done_next_label, place->waiting);
      gtk_label_set_label (self->done_facts_label, facts);
      g_clear_pointer (&self->selected, lh_group_session_free);
      gtk_stack_set_visible_child_name (self->view_stack, "done");
      return;
    }

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
      show_confirm_error (self, message);
    }
}

static void
join_clicked_cb (LhGroupsPage *self,
                 GtkButton    *button)
{
  /* One request at a time, however often the button is pressed, and
   * none from a tap that lands after the answer. */
  if (is_busy (self) || self->selected == NULL || self->client == NULL || !is_online (self) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "confirm") != 0)
    return;

  show_confirm_error (self, NULL);
  self->join_cancellable = g_cancellable_new ();
  lh_busy_begin (self->join_button);
  gtk_widget_set_sensitive (self->confirm_back_button, FALSE);
  lh_client_join_group_session_async (self->client, self->selected->id,
                                      self->join_cancellable, join_cb, self);
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
  GtkStack *ask = g_object_get_data (G_OBJECT (button), ASK_STACK_KEY);

  if (ask == NULL || is_busy (self) || !is_online (self))
    return;
  gtk_stack_set_visible_child_name (ask, "ask");
}

static void
keep_clicked_cb (GtkButton    *button,
                 LhGroupsPage *self)
{
  GtkStack *ask = g_object_get_data (G_OBJECT (button), ASK_STACK_KEY);

  if (ask == NULL || self->leave_cancellable != NULL)
    return;
  gtk_stack_set_visible_child_name (ask, "actions");
  if (self->stale)
    refresh (self);
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
  const LhGroupSession *session = g_object_get_data (G_OBJECT (button), SESSION_KEY);

  if (session == NULL || is_busy (self) || self->client == NULL || !is_online (self))
    return;

  show_message (self, NULL);
  self->leave_cancellable = g_cancellable_new ();
  self->leaving_waiting = g_strcmp0 (session->my_place, "waiting") == 0;
  lh_busy_begin (button);
  /* Nothing else on the list can be pressed until the answer comes. */
  set_buttons_sensitive (GTK_WIDGET (self->cards_box), FALSE);
  lh_client_leave_group_session_async (self->client, session->id,
                                       self->leave_cancellable, leave_cb, self);
}

/* ---- the list --------------------------------------------------------- */

static GtkWidget *
line_new (const char *icon_name,
          const char *text,
          const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (text);

  if (icon_name != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

      gtk_image_set_pixel_size (GTK_IMAGE (image), 24);
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_widget_set_valign (image, GTK_ALIGN_START);
      gtk_widget_set_margin_top (image, 2);
      gtk_box_append (GTK_BOX (box), image);
    }
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  return box;
}

static GtkWidget *
button_new (const char *label,
            const char *css_class,
            const char *accessible)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "lh-row-button");
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  if (accessible != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    accessible, -1);
  return button;
}

static GtkWidget *
card_new (LhGroupsPage   *self,
          LhGroupSession *session)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *info = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (session->title);
  GtkWidget *ask_stack = gtk_stack_new ();
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *button;
  g_autofree char *day = lh_format_day_long (session->start);
  g_autofree char *from = lh_format_clock (session->start);
  g_autofree char *to = lh_format_clock (session->end);
  g_autofree char *when = NULL;
  g_autofree char *fullness = format_fullness (session);
  g_autofree char *mine = format_my_place (session);
  g_autofree char *what = lh_format_group_session (session);
  g_autofree char *accessible = NULL;
  gboolean waiting = g_strcmp0 (session->my_place, "waiting") == 0;
  gboolean full = lh_group_session_is_full (session);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-group-card");
  if (mine != NULL)
    gtk_widget_add_css_class (card, "lh-group-card-mine");

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "lh-group-title");
  gtk_box_append (GTK_BOX (info), title);
  if (session->topic != NULL)
    gtk_box_append (GTK_BOX (info), line_new (NULL, session->topic, "lh-group-topic"));
  /* Translators: "Wednesday 25 November, 13:00 to 15:00" */
  when = g_strdup_printf (_("%s, %s to %s"), day, from, to);
  gtk_box_append (GTK_BOX (info), line_new ("x-office-calendar-symbolic", when, NULL));
  gtk_box_append (GTK_BOX (info), line_new ("mark-location-symbolic", session->room, NULL));
  gtk_box_append (GTK_BOX (info), line_new ("system-users-symbolic", fullness, "lh-group-fullness"));
  if (mine != NULL)
    gtk_box_append (GTK_BOX (info), line_new (waiting ? "alarm-symbolic" : "object-select-symbolic",
                                              mine, "lh-group-mine"));
  gtk_widget_set_hexpand (info, TRUE);
  gtk_box_append (GTK_BOX (card), info);

  /* What the person can do: join, or give up (asked Yes or No first). */
  if (mine == NULL)
    {
      /* Translators: what a screen reader says, "Take a place: Maths together on …" */
      accessible = g_strdup_printf (full ? _("Join the waiting list: %s") : _("Take a place: %s"), what);
      button = button_new (full ? _("Join the waiting list") : _("Take a place"),
                           full ? NULL : "suggested-action", accessible);
      g_signal_connect (button, "clicked", G_CALLBACK (take_clicked_cb), self);
    }
  else
    {
      /* Translators: what a screen reader says, "Give up my place: Maths together on …" */
      accessible = g_strdup_printf (waiting ? _("Leave the waiting list: %s") : _("Give up my place: %s"), what);
      button = button_new (waiting ? _("Leave the waiting list") : _("Give up my place"), NULL, accessible);
      g_signal_connect (button, "clicked", G_CALLBACK (give_up_clicked_cb), self);
    }
  g_object_set_data (G_OBJECT (button), SESSION_KEY, session);
  g_object_set_data (G_OBJECT (button), ASK_STACK_KEY, ask_stack);
  gtk_box_append (GTK_BOX (actions), button);
  gtk_widget_set_valign (actions, GTK_ALIGN_CENTER);
  gtk_stack_add_named (GTK_STACK (ask_stack), actions, "actions");

  if (mine != NULL)
    {
      GtkWidget *ask = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *yes_no = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *question;

      question = gtk_label_new (waiting ? _("Leave the waiting list?") : _("Give up your place?"));
      gtk_label_set_wrap (GTK_LABEL (question), TRUE);
      gtk_widget_add_css_class (question, "lh-section-title");
      gtk_box_append (GTK_BOX (ask), question);

      button = button_new (_("No"), NULL, NULL);
      g_object_set_data (G_OBJECT (button), ASK_STACK_KEY, ask_stack);
      g_signal_connect (button, "clicked", G_CALLBACK (keep_clicked_cb), self);
      gtk_box_append (GTK_BOX (yes_no), button);
      button = button_new (_("Yes"), "destructive-action", NULL);
      g_object_set_data (G_OBJECT (button), SESSION_KEY, session);
      g_signal_connect (button, "clicked", G_CALLBACK (yes_clicked_cb), self);
      gtk_box_append (GTK_BOX (yes_no), button);
      gtk_box_set_homogeneous (GTK_BOX (yes_no), TRUE);
      gtk_widget_add_css_class (ask, "lh-group-ask");
      gtk_box_append (GTK_BOX (ask), yes_no);
      gtk_widget_set_valign (ask, GTK_ALIGN_CENTER);
      gtk_stack_add_named (GTK_STACK (ask_stack), ask, "ask");
    }

  gtk_stack_set_visible_child_name (GTK_STACK (ask_stack), "actions");
  gtk_stack_set_hhomogeneous (GTK_STACK (ask_stack), TRUE);
  gtk_widget_set_valign (ask_stack, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (card), ask_stack);
  return card;
}

static void
show_sessions (LhGroupsPage *self,
               GPtrArray    *sessions)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double scrolled = gtk_adjustment_get_value (vadjustment);

  /* The cards point into the old list: drop them first. */
  lh_remove_children (GTK_WIDGET (self->cards_box));
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  self->sessions = g_ptr_array_ref (sessions);

  for (guint i = 0; i < sessions->len; i++)
    gtk_box_append (self->cards_box, card_new (self, g_ptr_array_index (sessions, i)));
  gtk_stack_set_visible_child_name (self->content_stack, sessions->len > 0 ? "list" : "empty");
  update_online (self);
  /* Shown again after a change: stay where the person was reading. */
  gtk_adjustment_set_value (vadjustment, scrolled);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LhGroupsPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *message = NULL;

  sessions = lh_client_list_group_sessions_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_GROUPS_PAGE (user_data);
  g_clear_object (&self->load_cancellable);
  stop_loading_timer (self);

  if (sessions != NULL)
    show_sessions (self, sessions);
  else if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */
  else if (!self->reload_again)
    {
      g_debug ("Loading the groups failed: %s", error->message);
      message = lh_message_for_error (error);
      adw_status_page_set_description (self->load_error_page, message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }

  /* They changed again while the list loaded: what came is already old. */
  if (self->reload_again)
    lh_groups_page_load (self);
}

static gboolean
show_loading_cb (gpointer user_data)
{
  LhGroupsPage *self = user_data;

  self->loading_id = 0;
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  return G_SOURCE_REMOVE;
}

static void
retry_clicked_cb (LhGroupsPage *self,
                  GtkButton    *button)
{
  lh_groups_page_load (self);
}

/* ---- changes made elsewhere ------------------------------------------- */

static gboolean
asking (LhGroupsPage *self)
{
  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box));
       card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      GtkWidget *stack = gtk_widget_get_last_child (card);

      if (GTK_IS_STACK (stack) &&
          g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "ask") == 0)
        return TRUE;
    }
  return FALSE;
}

/* Loads the list again without a second request while one is on its
 * way; while the person is deciding, only once they are done. */
static void
refresh (LhGroupsPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "list") != 0 ||
      is_busy (self) || asking (self))
    self->stale = TRUE;
  else if (self->load_cancellable != NULL)
    self->reload_again = TRUE;
  else
    lh_groups_page_load (self);
}

static void
group_event_cb (LhGroupsPage *self,
                const char   *type,
                JsonNode     *data,
                LhClient     *client)
{
  /* Not on screen: the page loads afresh when it is opened. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && lh_client_is_signed_in (client))
    refresh (self);
}

static void
online_changed_cb (LhGroupsPage *self,
                   GParamSpec   *pspec,
                   LhClient     *client)
{
  update_online (self);
  if (is_online (self) && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      lh_client_is_signed_in (client))
    refresh (self);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_groups_page_dispose (GObject *object)
{
  LhGroupsPage *self = LH_GROUPS_PAGE (object);

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  lh_groups_page_reset (self);
  /* view_stack is both a bound template child and the bin's child: let
   * the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LH_TYPE_GROUPS_PAGE);

  G_OBJECT_CLASS (lh_groups_page_parent_class)->dispose (object);
}

static void
lh_groups_page_finalize (GObject *object)
{
  LhGroupsPage *self = LH_GROUPS_PAGE (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (lh_groups_page_parent_class)->finalize (object);
}

static void
lh_groups_page_class_init (LhGroupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lh_groups_page_dispose;
  object_class->finalize = lh_groups_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/learnhub/Kiosk/lh-groups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, message_box);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, offline_note);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, load_error_page);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, confirm_question_label);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, confirm_facts_label);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, confirm_error_box);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, confirm_error_label);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, confirm_offline_note);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, confirm_back_button);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, join_button);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, done_title_label);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, done_next_label);
  gtk_widget_class_bind_template_child (widget_class, LhGroupsPage, done_facts_label);
  gtk_widget_class_bind_template_callback (widget_class, join_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, see_groups_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
}

static void
lh_groups_page_init (LhGroupsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lh_groups_page_set_client (LhGroupsPage *self,
                           LhClient     *client)
{
  g_return_if_fail (LH_IS_GROUPS_PAGE (self));
  g_return_if_fail (client == NULL || LH_IS_CLIENT (client));

  if (self->client == client)
    return;
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_set_object (&self->client, client);
  if (client != NULL)
    {
      g_signal_connect_object (client, "event::group-session-changed",
                               G_CALLBACK (group_event_cb), self, G_CONNECT_SWAPPED);
      /* Only reaches a stream opened as the person; harmless otherwise. */
      g_signal_connect_object (client, "event::waiting-list-promoted",
                               G_CALLBACK (group_event_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (client, "notify::online",
                               G_CALLBACK (online_changed_cb), self, G_CONNECT_SWAPPED);
    }
  update_online (self);
}

void
lh_groups_page_load (LhGroupsPage *self)
{
  g_return_if_fail (LH_IS_GROUPS_PAGE (self));

  if (self->client == NULL || is_busy (self))
    return;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  stop_loading_timer (self);
  self->reload_again = FALSE;
  self->stale = FALSE;

  gtk_stack_set_visible_child_name (self->view_stack, "list");
  /* A reload keeps the old list in view until the new one comes. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "list") != 0)
    self->loading_id = g_timeout_add (LOADING_DELAY_MS, show_loading_cb, self);

  self->load_cancellable = g_cancellable_new ();
  /* The daemon's default: from today, for 14 days. */
  lh_client_list_group_sessions_async (self->client, NULL, NULL, self->load_cancellable,
                                       list_cb, self);
}

void
lh_groups_page_reset (LhGroupsPage *self)
{
  g_return_if_fail (LH_IS_GROUPS_PAGE (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->join_cancellable);
  g_clear_object (&self->join_cancellable);
  g_cancellable_cancel (self->leave_cancellable);
  g_clear_object (&self->leave_cancellable);
  stop_loading_timer (self);

  if (self->cards_box != NULL)
    {
      lh_busy_end (self->join_button);
      gtk_widget_set_sensitive (self->confirm_back_button, TRUE);
      lh_remove_children (GTK_WIDGET (self->cards_box));
      show_message (self, NULL);
      show_confirm_error (self, NULL);
      gtk_label_set_label (self->confirm_question_label, "");
      gtk_label_set_label (self->confirm_facts_label, "");
      gtk_label_set_label (self->done_title_label, "");
      gtk_label_set_label (self->done_facts_label, "");
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
      gtk_stack_set_visible_child_name (self->view_stack, "list");
      update_online (self);
    }
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->selected, lh_group_session_free);
  self->reload_again = FALSE;
  self->stale = FALSE;
}

gboolean
lh_groups_page_go_back (LhGroupsPage *self)
{
  g_return_val_if_fail (LH_IS_GROUPS_PAGE (self), FALSE);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "confirm") != 0)
    return FALSE;
  /* A request in flight happens anyway: wait for its answer. */
  if (self->join_cancellable != NULL)
    return TRUE;
  g_clear_pointer (&self->selected, lh_group_session_free);
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  /* Changed elsewhere while the person was deciding. */
  if (self->stale)
    lh_groups_page_load (self);
  return TRUE;
}

const char *
lh_groups_page_get_view (LhGroupsPage *self)
{
  g_return_val_if_fail (LH_IS_GROUPS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}
