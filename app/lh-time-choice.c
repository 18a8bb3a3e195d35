/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-time-choice"

#include "lh-time-choice.h"

#include <glib/gi18n.h>

#include "lh-client-time-off.h"
#include "lh-messages.h"
#include "lh-refusal-words.h"
#include "lh-time-format.h"
#include "lh-time-off-words.h"

struct _LhTimeChoice
{
  GtkBox            parent_instance;

  LhClient         *client;       /* (owned) (nullable) while asking */
  char             *category;     /* (owned) (nullable) what the booking draws on */
  char             *date;         /* (owned) (nullable) its day, for its agreement year */
  int               minutes;      /* how long it is */
  gboolean          asked;        /* FALSE: nothing to choose (a guest) */
  GCancellable     *cancellable;  /* (owned) (nullable) while loading the balance */
  LhTimeOffBalance *balance;      /* (owned) (nullable) as last heard */

  /* children (unowned) */
  GtkWidget        *question_box;
  GtkToggleButton  *paid_button;
  GtkToggleButton  *own_button;
  GtkWidget        *own_time_button;
  GtkLabel         *balance_label;
  GtkWidget        *refusal_box;
  GtkLabel         *refusal_label;
};

G_DEFINE_FINAL_TYPE (LhTimeChoice, lh_time_choice, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CHOSEN,
  PROP_OWN_TIME_LABEL,
  N_PROPS
};

enum {
  SIGNAL_PICKED,
  SIGNAL_BOOK_OWN_TIME,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- what is shown ---------------------------------------------------- */

static void
set_balance_text (LhTimeChoice *self,
                  const char   *text)
{
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->balance_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->balance_label), text != NULL);
  /* Translators: what a screen reader says for the paid choice, "Work
   * time (paid). 46 hours 30 minutes left · about 6 days" */
  accessible = text != NULL ? g_strdup_printf (_("Work time (paid). %s"), text) : g_strdup (_("Work time (paid)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paid_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
show_balance (LhTimeChoice *self)
{
  const LhTimeOffCategory *category;
  g_autofree char *left = NULL;
  g_autofree char *text = NULL;

  if (self->balance == NULL || self->category == NULL ||
      (category = lh_time_off_balance_get (self->balance, self->category)) == NULL)
    {
      set_balance_text (self, NULL);
      return;
    }
  left = lh_time_off_format_left (category->remaining_minutes, self->balance->hours_per_day);
  if (category->remaining_minutes > 0 && category->remaining_minutes < self->minutes)
    /* Translators: what is left is less than the booking needs */
    text = g_strdup_printf (_("%s. Not enough for this."), left);
  set_balance_text (self, text != NULL ? text : left);
}

static void
balance_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LhTimeChoice *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhTimeOffBalance) balance = NULL;

  balance = lh_client_get_my_time_off_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_TIME_CHOICE (user_data);
  g_clear_object (&self->cancellable);
  if (balance == NULL)
    {
      g_debug ("No balance: %s", error->message);
      /* The choice stands all the same: the daemon checks it. */
      set_balance_text (self, _("What is left could not be checked just now."));
      return;
    }
  g_clear_pointer (&self->balance, lh_time_off_balance_free);
  self->balance = g_steal_pointer (&balance);
  show_balance (self);
}

static void
load_balance (LhTimeChoice *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  lh_client_get_my_time_off_async (self->client, self->date, self->cancellable, balance_cb, self);
}

/* ---- choosing --------------------------------------------------------- */

static void
toggled_cb (LhTimeChoice    *self,
            GtkToggleButton *button)
{
  /* A new choice is a new try: the old refusal no longer stands. */
  if (gtk_toggle_button_get_active (button))
    lh_time_choice_clear_refusal (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOSEN]);
}

/* A tap, not a choice made for the person. */
static void
clicked_cb (LhTimeChoice    *self,
            GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    g_signal_emit (self, signals[SIGNAL_PICKED], 0);
}

static void
own_time_clicked_cb (LhTimeChoice *self,
                     GtkButton    *button)
{
  lh_time_choice_choose_own (self);
  g_signal_emit (self, signals[SIGNAL_BOOK_OWN_TIME], 0);
}

/* ---- building --------------------------------------------------------- */

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A big toggle: a ring (filled once chosen, by the style sheet, so that
 * the choice never rests on colour), the choice in bold, a line under. */
static GtkToggleButton *
choice_new (const char *title,
            GtkWidget  *under)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *mark = g_object_new (GTK_TYPE_BOX, "valign", GTK_ALIGN_CENTER,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  gtk_widget_add_css_class (mark, "lh-time-choice-mark");
  gtk_widget_set_halign (top, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), mark);
  gtk_box_append (GTK_BOX (top), label_new (title, "lh-time-choice-title"));
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), under);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "lh-time-choice-button");
  return GTK_TOGGLE_BUTTON (button);
}

static void
build (LhTimeChoice *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *own_line = label_new (_("Not taken from your paid time"), "lh-time-choice-line");
  GtkWidget *refusal_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "lh-time-choice");

  self->question_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (self->question_box),
                  label_new (_("Is it in work time or in your own time?"), "lh-lead"));
  self->balance_label = GTK_LABEL (label_new (NULL, "lh-time-choice-line"));
  self->paid_button = choice_new (_("Work time (paid)"), GTK_WIDGET (self->balance_label));
  self->own_button = choice_new (_("My own time"), own_line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->own_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("My own time. Not taken from your paid time"), -1);
  gtk_toggle_button_set_group (self->own_button, self->paid_button);
  g_signal_connect_object (self->paid_button, "toggled", G_CALLBACK (toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->own_button, "toggled", G_CALLBACK (toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paid_button, "clicked", G_CALLBACK (clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->own_button, "clicked", G_CALLBACK (clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->paid_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->own_button));
  gtk_box_append (GTK_BOX (self->question_box), buttons);

  /* The daemon's words for a refusal, and the way out in one tap. */
  self->refusal_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_halign (self->refusal_box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->refusal_box, "lh-error");
  gtk_widget_set_halign (refusal_line, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (refusal_line),
                  g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-warning-symbolic", "pixel-size", 32,
                                "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
  self->refusal_label = g_object_new (GTK_TYPE_LABEL, "wrap", TRUE, "xalign", 0.0f, "max-width-chars", 60,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, NULL);
  gtk_box_append (GTK_BOX (refusal_line), GTK_WIDGET (self->refusal_label));
  gtk_box_append (GTK_BOX (self->refusal_box), refusal_line);
  self->own_time_button = gtk_button_new_with_label (_("Book it in my own time"));
  gtk_widget_set_halign (self->own_time_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->own_time_button, "suggested-action");
  gtk_widget_add_css_class (self->own_time_button, "lh-primary");
  g_signal_connect_object (self->own_time_button, "clicked", G_CALLBACK (own_time_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->refusal_box), self->own_time_button);
  gtk_widget_set_visible (self->refusal_box, FALSE);
  /* Above the question: after a refusal, the way out comes first. */
  gtk_box_append (GTK_BOX (self), self->refusal_box);
  gtk_box_append (GTK_BOX (self), self->question_box);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_time_choice_dispose (GObject *object)
{
  lh_time_choice_reset (LH_TIME_CHOICE (object));

  G_OBJECT_CLASS (lh_time_choice_parent_class)->dispose (object);
}

static void
lh_time_choice_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHOSEN:
      g_value_set_boolean (value, lh_time_choice_get_chosen (LH_TIME_CHOICE (object)));
      break;
    case PROP_OWN_TIME_LABEL:
      g_value_set_string (value, gtk_button_get_label (GTK_BUTTON (LH_TIME_CHOICE (object)->own_time_button)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_time_choice_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_OWN_TIME_LABEL:
      gtk_button_set_label (GTK_BUTTON (LH_TIME_CHOICE (object)->own_time_button), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_time_choice_class_init (LhTimeChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lh_time_choice_dispose;
  object_class->get_property = lh_time_choice_get_property;
  object_class->set_property = lh_time_choice_set_property;

  properties[PROP_CHOSEN] =
    g_param_spec_boolean ("chosen", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The refusal's way out, in the page's own verb: "Join in my own time". */
  properties[PROP_OWN_TIME_LABEL] =
    g_param_spec_string ("own-time-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The person tapped a choice: the page's Book button may take the
   * focus, which brings it into view in large text. */
  signals[SIGNAL_PICKED] =
    g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The refusal's "Book it in my own time": book the same again, own
   * time now chosen. */
  signals[SIGNAL_BOOK_OWN_TIME] =
    g_signal_new ("book-own-time", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lh_time_choice_init (LhTimeChoice *self)
{
  build (self);
}

/* ---- the API ---------------------------------------------------------- */

static void
set_asked (LhTimeChoice *self,
           gboolean      asked)
{
  self->asked = asked;
  gtk_widget_set_visible (self->question_box, asked);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOSEN]);
}

void
lh_time_choice_ask (LhTimeChoice *self,
                    LhClient     *client,
                    const char   *activity,
                    GDateTime    *start,
                    GDateTime    *end)
{
  g_return_if_fail (LH_IS_TIME_CHOICE (self));
  g_return_if_fail (LH_IS_CLIENT (client));
  g_return_if_fail (start != NULL && end != NULL);

  lh_time_choice_reset (self);
  self->client = g_object_ref (client);
  self->category = g_strdup (lh_time_off_category_for (activity));
  self->date = g_date_time_format (start, "%Y-%m-%d");
  self->minutes = lh_minutes_between (start, end);
  set_balance_text (self, _("Checking your paid time…"));
  set_asked (self, TRUE);
  load_balance (self);
}

void
lh_time_choice_skip (LhTimeChoice *self)
{
  g_return_if_fail (LH_IS_TIME_CHOICE (self));

  lh_time_choice_reset (self);
  set_asked (self, FALSE);
}

void
lh_time_choice_reset (LhTimeChoice *self)
{
  g_return_if_fail (LH_IS_TIME_CHOICE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->balance, lh_time_off_balance_free);
  self->minutes = 0;
  if (self->paid_button == NULL)
    return;
  /* Grouped toggles: each set inactive by hand, never by a tap. */
  gtk_toggle_button_set_active (self->paid_button, FALSE);
  gtk_toggle_button_set_active (self->own_button, FALSE);
  set_balance_text (self, NULL);
  lh_time_choice_clear_refusal (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOSEN]);
}

gboolean
lh_time_choice_get_chosen (LhTimeChoice *self)
{
  g_return_val_if_fail (LH_IS_TIME_CHOICE (self), FALSE);

  return !self->asked || gtk_toggle_button_get_active (self->paid_button) ||
         gtk_toggle_button_get_active (self->own_button);
}

gboolean
lh_time_choice_get_paid (LhTimeChoice *self)
{
  g_return_val_if_fail (LH_IS_TIME_CHOICE (self), FALSE);

  return self->asked && gtk_toggle_button_get_active (self->paid_button);
}

void
lh_time_choice_choose_paid (LhTimeChoice *self)
{
  g_return_if_fail (LH_IS_TIME_CHOICE (self));

  if (self->asked)
    gtk_toggle_button_set_active (self->paid_button, TRUE);
}

void
lh_time_choice_choose_own (LhTimeChoice *self)
{
  g_return_if_fail (LH_IS_TIME_CHOICE (self));

  gtk_toggle_button_set_active (self->own_button, TRUE);
}

void
lh_time_choice_clear_refusal (LhTimeChoice *self)
{
  g_return_if_fail (LH_IS_TIME_CHOICE (self));

  gtk_label_set_label (self->refusal_label, "");
  gtk_widget_set_visible (self->refusal_box, FALSE);
}

/* The daemon's words and the way out. The paid choice is undone, so
 * that Book cannot ask the same again; the way out gets the focus, which
 * scrolls it into view in large text. */
static void
show_refusal (LhTimeChoice *self,
              const char   *message)
{
  gtk_toggle_button_set_active (self->paid_button, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOSEN]);
  gtk_label_set_label (self->refusal_label, message);
  gtk_widget_set_visible (self->refusal_box, TRUE);
  gtk_widget_grab_focus (self->own_time_button);
}

/* The answer: TRUE, the refusal shown; or the booking's own error, for
 * the page to handle as any other. */
static void
refused (GTask    *task,
         gboolean  is_refusal)
{
  LhTimeChoice *self = g_task_get_source_object (task);
  const GError *booking_error = g_task_get_task_data (task);
  g_autofree char *words = NULL;

  if (!is_refusal)
    {
      g_task_return_error (task, g_error_copy (booking_error));
      return;
    }
  words = lh_refusal_words (booking_error);
  if (words == NULL)
    words = lh_message_for_error (booking_error);
  show_refusal (self, words);
  g_task_return_boolean (task, TRUE);
}

void
lh_time_choice_check_refusal_async (LhTimeChoice        *self,
                                    const GError        *error,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *reason;

  g_return_if_fail (LH_IS_TIME_CHOICE (self));
  g_return_if_fail (error != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lh_time_choice_check_refusal_async);
  g_task_set_task_data (task, g_error_copy (error), (GDestroyNotify) g_error_free);

  if (!lh_time_choice_get_paid (self) || self->client == NULL)
    {
      refused (task, FALSE);
      return;
    }
  /* The refusal's reason says whether paid time was the trouble (none
   * left, or not for this): then own time is the way. */
  reason = lh_client_error_get_reason (error);
  refused (task, g_strcmp0 (reason, "paid-time-exhausted") == 0 ||
                 g_strcmp0 (reason, "not-paid-activity") == 0);
}

gboolean
lh_time_choice_check_refusal_finish (LhTimeChoice  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lh_time_choice_check_refusal_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
