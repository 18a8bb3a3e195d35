/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-assessments-page"

#include "lh-assessments-page.h"

#include <glib/gi18n.h>

#include "lh-assessment-cards.h"
#include "lh-assessment-words.h"
#include "lh-busy.h"
#include "lh-client-assessments.h"
#include "lh-client-time-off.h"
#include "lh-messages.h"
#include "lh-paid-failure.h"
#include "lh-slot-widgets.h"
#include "lh-time-choice.h"
#include "lh-time-off-words.h"

struct _LhAssessmentsPage
{
  LhPage            parent_instance;

  GCancellable     *book_cancellable;       /* (owned) (nullable) while booking */
  GCancellable     *give_back_cancellable;  /* (owned) (nullable) while giving one back */
  GPtrArray        *slots;                  /* (owned) (nullable) (element-type LhAssessmentSlot) shown */
  LhAssessmentSlot *selected;               /* (owned) (nullable) the one being booked */
  LhAssessmentSlot *giving_back;            /* (owned) (nullable) the one being given back */

  /* template children (unowned) */
  GtkScrolledWindow *scroller;
  GtkBox            *subjects_box;
  GtkLabel          *confirm_question_label;
  GtkLabel          *confirm_reassure_label;
  LhTimeChoice      *time_choice;
  GtkLabel          *done_title_label;
  GtkLabel          *done_facts_label;
  GtkLabel          *done_time_off_label;
};

G_DEFINE_FINAL_TYPE (LhAssessmentsPage, lh_assessments_page, LH_TYPE_PAGE)

static void lh_assessments_page_refresh (LhPage *page);

/* ---- state ------------------------------------------------------------ */

static gboolean
is_busy (LhAssessmentsPage *self)
{
  return self->book_cancellable != NULL || self->give_back_cancellable != NULL;
}

/* Offline, the list stays in view, read-only. */
static void
lh_assessments_page_update_online (LhPage   *page,
                                   gboolean  online)
{
  LhAssessmentsPage *self = LH_ASSESSMENTS_PAGE (page);

  lh_page_set_buttons_sensitive (GTK_WIDGET (self->subjects_box), online && !is_busy (self));
}

static void
back_to_list (LhAssessmentsPage *self,
              const char        *message)
{
  g_clear_pointer (&self->selected, lh_assessment_slot_free);
  lh_page_set_view (LH_PAGE (self), "list");
  lh_assessments_page_load (self);
  lh_page_show_message (LH_PAGE (self), message);
}

/* The daemon's own words for a refusal, else the kiosk's. */
static char *
refusal_message (const GError *error)
{
  char *message = NULL;

  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT) ||
      g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_INVALID))
    message = lh_assessment_format_refusal (error);
  return message != NULL ? message : lh_message_for_error (error);
}

/* ---- booking ---------------------------------------------------------- */

static void
book_this_clicked_cb (GtkButton         *button,
                      LhAssessmentsPage *self)
{
  const LhAssessmentSlot *slot = g_object_get_data (G_OBJECT (button), LH_ASSESSMENT_SLOT_KEY);
  g_autofree char *question = NULL;
  g_autofree char *reassure = NULL;
  g_autofree char *when = NULL;
  g_autofree char *where = NULL;
  g_autofree char *facts = NULL;

  if (slot == NULL || is_busy (self) || !lh_page_is_online (LH_PAGE (self)))
    return;

  g_clear_pointer (&self->selected, lh_assessment_slot_free);
  self->selected = lh_assessment_slot_copy (slot);
  question = lh_assessment_format_question (slot);
  reassure = lh_assessment_format_reassure (slot);
  when = lh_assessment_format_when (slot);
  where = lh_assessment_format_where (slot);
  /* Translators: "Thursday 3 December, 14:00 to 14:45\nWith Sue Bennett, Quiet room" */
  facts = g_strdup_printf (_("%s\n%s"), when, where);
  gtk_label_set_label (self->confirm_question_label, question);
  gtk_label_set_label (self->confirm_reassure_label, reassure);
  /* Nothing chosen: the person always says which. */
  lh_time_choice_ask (self->time_choice, lh_page_get_client (LH_PAGE (self)), "skills-for-life",
                      slot->start, slot->end);
  lh_page_show_confirm (LH_PAGE (self), facts, FALSE);
}

static void
show_booked (LhAssessmentsPage      *self,
             const LhAssessmentSlot *slot)
{
  g_autofree char *title = lh_assessment_format_booked (slot);
  g_autofree char *when = lh_assessment_format_when (slot);
  g_autofree char *where = lh_assessment_format_where (slot);
  g_autofree char *facts = g_strdup_printf (_("%s\n%s"), when, where);
  g_autofree char *time_off = slot->time_off ? lh_time_off_format_outcome (slot->time_off) : NULL;

  gtk_label_set_label (self->done_title_label, title);
  gtk_label_set_label (self->done_facts_label, facts);
  /* Approved, waiting for approval, or the person's own time. */
  gtk_label_set_label (self->done_time_off_label, time_off ? time_off : "");
  gtk_widget_set_visible (GTK_WIDGET (self->done_time_off_label), time_off != NULL);
  g_clear_pointer (&self->selected, lh_assessment_slot_free);
  lh_page_set_view (LH_PAGE (self), "done");
}

static void
book_failed (LhAssessmentsPage *self,
             const GError      *error)
{
  g_autofree char *message = NULL;

  g_debug ("Booking failed: %s", error->message);
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */
  message = refusal_message (error);
  /* Taken meanwhile, one in that subject already, a clash, or gone: the
   * list as it is now, with why. Anything else can be tried again. */
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT) ||
      g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_INVALID) ||
      g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NOT_FOUND) ||
      g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_FORBIDDEN))
    back_to_list (self, message);
  else
    lh_page_show_confirm_error (LH_PAGE (self), message);
}

static void
book_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LhAssessmentsPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAssessmentSlot) slot = NULL;

  slot = lh_client_book_assessment_paid_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_ASSESSMENTS_PAGE (user_data);
  if (slot == NULL)
    {
      /* Still busy while it asks whether the paid time was refused. */
      lh_page_check_paid_failure (LH_PAGE (self), self->time_choice, &self->book_cancellable, error,
                                  (LhPaidFailedFunc) book_failed);
      return;
    }
  g_clear_object (&self->book_cancellable);
  lh_page_end_confirm (LH_PAGE (self));
  show_booked (self, slot);
}

static void
confirm_clicked_cb (LhAssessmentsPage *self,
                    GtkButton         *button)
{
  /* One request however often the button is pressed, and none from a
   * tap that lands after the answer; none before the person said whose
   * time it is. */
  if (is_busy (self) || self->selected == NULL || !lh_page_can_confirm (LH_PAGE (self)) ||
      !lh_time_choice_get_chosen (self->time_choice))
    return;

  self->book_cancellable = g_cancellable_new ();
  lh_time_choice_clear_refusal (self->time_choice);
  lh_page_begin_confirm (LH_PAGE (self));
  lh_client_book_assessment_paid_async (lh_page_get_client (LH_PAGE (self)), self->selected->id,
                                        lh_time_choice_get_paid (self->time_choice),
                                        self->book_cancellable, book_cb, self);
}

/* Chosen: Book next, in view even in large text. */
static void
time_picked_cb (LhAssessmentsPage *self,
                LhTimeChoice      *choice)
{
  gtk_widget_grab_focus (GTK_WIDGET (lh_page_get_confirm_button (LH_PAGE (self))));
}

/* The refusal's one tap: the same check, in the person's own time. */
static void
book_own_time_cb (LhAssessmentsPage *self,
                  LhTimeChoice      *choice)
{
  confirm_clicked_cb (self, NULL);
}

static void
confirm_back_clicked_cb (LhAssessmentsPage *self,
                         GtkButton         *button)
{
  lh_assessments_page_go_back (self);
}

static void
see_all_clicked_cb (LhAssessmentsPage *self,
                    GtkButton         *button)
{
  back_to_list (self, NULL);
}

/* ---- giving one back -------------------------------------------------- */

static void
give_back_clicked_cb (GtkButton         *button,
                      LhAssessmentsPage *self)
{
  GtkStack *ask = g_object_get_data (G_OBJECT (button), LH_ASSESSMENT_ASK_KEY);

  if (ask == NULL || is_busy (self) || !lh_page_is_online (LH_PAGE (self)))
    return;
  gtk_stack_set_visible_child_name (ask, "ask");
}

static void
keep_clicked_cb (GtkButton         *button,
                 LhAssessmentsPage *self)
{
  GtkStack *ask = g_object_get_data (G_OBJECT (button), LH_ASSESSMENT_ASK_KEY);

  if (ask == NULL || self->give_back_cancellable != NULL)
    return;
  gtk_stack_set_visible_child_name (ask, "actions");
  if (lh_page_is_stale (LH_PAGE (self)))
    lh_assessments_page_refresh (LH_PAGE (self));
}

static void
give_back_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LhAssessmentsPage *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!lh_client_give_back_assessment_slot_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_ASSESSMENTS_PAGE (user_data);
  g_clear_object (&self->give_back_cancellable);

  if (error == NULL)
    {
      message = lh_assessment_format_given (self->giving_back);
      g_clear_pointer (&self->giving_back, lh_assessment_slot_free);
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", message);
      back_to_list (self, NULL);
      return;
    }

  g_clear_pointer (&self->giving_back, lh_assessment_slot_free);
  g_debug ("Giving back failed: %s", error->message);
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NOT_FOUND))
    message = g_strdup (_("This check was not booked for you any more."));
  else
    message = refusal_message (error);
  back_to_list (self, message);
}

static void
yes_clicked_cb (GtkButton         *button,
                LhAssessmentsPage *self)
{
  const LhAssessmentSlot *slot = g_object_get_data (G_OBJECT (button), LH_ASSESSMENT_SLOT_KEY);

  if (slot == NULL || is_busy (self) || lh_page_get_client (LH_PAGE (self)) == NULL ||
      !lh_page_is_online (LH_PAGE (self)))
    return;

  lh_page_show_message (LH_PAGE (self), NULL);
  self->give_back_cancellable = g_cancellable_new ();
  g_clear_pointer (&self->giving_back, lh_assessment_slot_free);
  self->giving_back = lh_assessment_slot_copy (slot);
  lh_busy_begin (button);
  /* Nothing else on the list can be pressed until the answer comes. */
  lh_page_set_buttons_sensitive (GTK_WIDGET (self->subjects_box), FALSE);
  lh_client_give_back_assessment_slot_async (lh_page_get_client (LH_PAGE (self)), slot->id,
                                             self->give_back_cancellable, give_back_cb, self);
}

/* ---- the list --------------------------------------------------------- */

static void
show_slots (LhAssessmentsPage *self,
            GPtrArray         *slots)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double scrolled = gtk_adjustment_get_value (vadjustment);
  g_autoptr(GPtrArray) ahead = g_ptr_array_new ();
  g_autoptr(GDateTime) now = lh_client_now (lh_page_get_client (LH_PAGE (self)));
  const LhAssessmentCardCallbacks callbacks = {
    .book = G_CALLBACK (book_this_clicked_cb),
    .give_back = G_CALLBACK (give_back_clicked_cb),
    .keep = G_CALLBACK (keep_clicked_cb),
    .yes = G_CALLBACK (yes_clicked_cb),
    .user_data = self,
  };

  /* The cards point into the old list: drop them first. */
  lh_remove_children (GTK_WIDGET (self->subjects_box));
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  self->slots = g_ptr_array_ref (slots);

  /* The list starts at midnight: what has started can be booked no more. */
  for (guint i = 0; i < slots->len; i++)
    {
      LhAssessmentSlot *slot = g_ptr_array_index (slots, i);

      if (g_date_time_compare (slot->start, now) > 0)
        g_ptr_array_add (ahead, slot);
    }
  if (ahead->len > 0)
    for (int subject = 0; subject < LH_N_SUBJECTS; subject++)
      gtk_box_append (self->subjects_box, lh_assessment_section_new ((LhSubject) subject, ahead, &callbacks));
  lh_page_set_content (LH_PAGE (self), ahead->len > 0 ? "list" : "empty");
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
  g_autoptr(GPtrArray) slots = NULL;

  slots = lh_client_list_assessment_slots_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (slots != NULL)
    show_slots (LH_ASSESSMENTS_PAGE (user_data), slots);
  lh_page_end_load (LH_PAGE (user_data), error);
}

/* ---- changes made elsewhere ------------------------------------------- */

/* Loads the list again; while the person is deciding, only once they
 * are done. */
static void
lh_assessments_page_refresh (LhPage *page)
{
  LhAssessmentsPage *self = LH_ASSESSMENTS_PAGE (page);

  lh_page_refresh (page, !lh_page_view_is (page, "list") || is_busy (self) ||
                         lh_assessment_cards_asking (GTK_WIDGET (self->subjects_box)));
}

static void
lh_assessments_page_connect_client (LhPage   *page,
                                    LhClient *client)
{
  lh_page_refresh_on_event (page, client, "event::assessment-slot-changed");
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_assessments_page_dispose (GObject *object)
{
  lh_assessments_page_reset (LH_ASSESSMENTS_PAGE (object));

  G_OBJECT_CLASS (lh_assessments_page_parent_class)->dispose (object);
}

static void
lh_assessments_page_load_page (LhPage *page)
{
  lh_assessments_page_load (LH_ASSESSMENTS_PAGE (page));
}

static void
lh_assessments_page_class_init (LhAssessmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  object_class->dispose = lh_assessments_page_dispose;
  page_class->connect_client = lh_assessments_page_connect_client;
  page_class->update_online = lh_assessments_page_update_online;
  page_class->load = lh_assessments_page_load_page;
  page_class->refresh = lh_assessments_page_refresh;

  g_type_ensure (LH_TYPE_TIME_CHOICE);
  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-assessments-page.ui", TRUE);
  gtk_widget_class_bind_template_child (widget_class, LhAssessmentsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LhAssessmentsPage, subjects_box);
  gtk_widget_class_bind_template_child (widget_class, LhAssessmentsPage, confirm_question_label);
  gtk_widget_class_bind_template_child (widget_class, LhAssessmentsPage, confirm_reassure_label);
  gtk_widget_class_bind_template_child (widget_class, LhAssessmentsPage, time_choice);
  gtk_widget_class_bind_template_child (widget_class, LhAssessmentsPage, done_title_label);
  gtk_widget_class_bind_template_child (widget_class, LhAssessmentsPage, done_facts_label);
  gtk_widget_class_bind_template_child (widget_class, LhAssessmentsPage, done_time_off_label);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, book_own_time_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, see_all_clicked_cb);
}

static void
lh_assessments_page_init (LhAssessmentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lh_assessments_page_load (LhAssessmentsPage *self)
{
  LhPage *page = LH_PAGE (self);
  GCancellable *cancellable;

  g_return_if_fail (LH_IS_ASSESSMENTS_PAGE (self));

  if (lh_page_get_client (page) == NULL || is_busy (self))
    return;

  cancellable = lh_page_begin_list_load (page);
  lh_client_list_assessment_slots_async (lh_page_get_client (page), cancellable, list_cb, self);
}

void
lh_assessments_page_reset (LhAssessmentsPage *self)
{
  g_return_if_fail (LH_IS_ASSESSMENTS_PAGE (self));

  g_cancellable_cancel (self->book_cancellable);
  g_clear_object (&self->book_cancellable);
  g_cancellable_cancel (self->give_back_cancellable);
  g_clear_object (&self->give_back_cancellable);
  if (self->subjects_box != NULL)
    {
      lh_remove_children (GTK_WIDGET (self->subjects_box));
      gtk_label_set_label (self->confirm_question_label, "");
      gtk_label_set_label (self->confirm_reassure_label, "");
      gtk_label_set_label (self->done_title_label, "");
      gtk_label_set_label (self->done_facts_label, "");
      gtk_label_set_label (self->done_time_off_label, "");
      lh_time_choice_reset (self->time_choice);
    }
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->selected, lh_assessment_slot_free);
  g_clear_pointer (&self->giving_back, lh_assessment_slot_free);
  lh_page_reset (LH_PAGE (self), "list");
}

gboolean
lh_assessments_page_go_back (LhAssessmentsPage *self)
{
  g_return_val_if_fail (LH_IS_ASSESSMENTS_PAGE (self), FALSE);

  if (!lh_page_view_is (LH_PAGE (self), "confirm"))
    return FALSE;
  /* A request in flight happens anyway: wait for its answer. */
  if (self->book_cancellable != NULL)
    return TRUE;
  g_clear_pointer (&self->selected, lh_assessment_slot_free);
  lh_page_set_view (LH_PAGE (self), "list");
  /* Changed elsewhere while the person was deciding. */
  if (lh_page_is_stale (LH_PAGE (self)))
    lh_assessments_page_load (self);
  return TRUE;
}
