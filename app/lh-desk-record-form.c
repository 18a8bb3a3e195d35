/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-desk-record-form"

#include "lh-desk-record-form.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-date-stepper.h"

struct _LhDeskRecordForm
{
  AdwBin            parent_instance;

  LhRecordFormKind  kind;

  /* children (unowned) */
  GtkLabel         *title_label;
  GtkLabel         *text_title_label;
  GtkWidget        *text_frame;
  GtkTextView      *text_view;    /* a note, a MOT: sentences */
  GtkEntry         *entry;        /* a goal, a step: a few words */
  LhDateStepper    *due_stepper;  /* by when, or no date */
  LhDateStepper    *next_stepper; /* the next learning MOT */
  GtkWidget        *error_box;
  GtkLabel         *error_label;
  GtkWidget        *back_button;
  GtkWidget        *submit_button;
};

G_DEFINE_FINAL_TYPE (LhDeskRecordForm, lh_desk_record_form, ADW_TYPE_BIN)

enum {
  SIGNAL_SUBMIT,
  SIGNAL_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
submit_clicked_cb (LhDeskRecordForm *self)
{
  g_signal_emit (self, signals[SIGNAL_SUBMIT], 0);
}

static void
back_clicked_cb (LhDeskRecordForm *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

/* What was refused is stale once the words change. */
static void
changed_cb (LhDeskRecordForm *self)
{
  lh_desk_record_form_show_error (self, NULL);
}

static GtkWidget *
private_line (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name ("security-high-symbolic");

  gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box),
                  lh_card_label_new (_("They can read this on their advice record, and so can the ULRs who "
                                       "support them. Nobody else can, not even the centre’s managers."),
                                     "lh-advice-private"));
  return box;
}

static void
build (LhDeskRecordForm *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->title_label = GTK_LABEL (lh_card_label_new (NULL, "lh-page-title"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (box), private_line ());

  self->text_title_label = GTK_LABEL (lh_card_label_new (NULL, "lh-field-title"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->text_title_label));
  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_top_margin (self->text_view, 12);
  gtk_text_view_set_bottom_margin (self->text_view, 12);
  gtk_text_view_set_left_margin (self->text_view, 12);
  gtk_text_view_set_right_margin (self->text_view, 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "lh-advice-note");
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->text_title_label, NULL, -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->text_view));
  gtk_widget_add_css_class (scroller, "lh-advice-note-frame");
  self->text_frame = scroller;
  gtk_box_append (GTK_BOX (box), scroller);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_max_length (self->entry, 500);
  gtk_widget_add_css_class (GTK_WIDGET (self->entry), "lh-name-entry");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->text_title_label, NULL, -1);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (submit_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));

  self->due_stepper = LH_DATE_STEPPER (lh_date_stepper_new (_("By when (you can leave it without a date)"), TRUE));
  gtk_widget_set_margin_top (GTK_WIDGET (self->due_stepper), 8);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->due_stepper));
  self->next_stepper = LH_DATE_STEPPER (lh_date_stepper_new (_("The next learning MOT is due on"), FALSE));
  gtk_widget_set_margin_top (GTK_WIDGET (self->next_stepper), 8);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->next_stepper));

  self->error_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* An alert, so that a screen reader says the refusal at once. */
  self->error_label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                                    "wrap", TRUE, "xalign", 0.0f, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
  gtk_box_append (GTK_BOX (self->error_box), image);
  gtk_box_append (GTK_BOX (self->error_box), GTK_WIDGET (self->error_label));
  gtk_widget_add_css_class (self->error_box, "lh-error");
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_box_append (GTK_BOX (box), self->error_box);

  self->back_button = gtk_button_new_with_label (_("Back"));
  gtk_widget_add_css_class (self->back_button, "lh-primary");
  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self, G_CONNECT_SWAPPED);
  self->submit_button = gtk_button_new_with_label ("");
  gtk_widget_add_css_class (self->submit_button, "lh-primary");
  gtk_widget_add_css_class (self->submit_button, "suggested-action");
  g_signal_connect_object (self->submit_button, "clicked", G_CALLBACK (submit_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 8);
  gtk_box_append (GTK_BOX (buttons), self->back_button);
  gtk_box_append (GTK_BOX (buttons), self->submit_button);
  gtk_box_append (GTK_BOX (box), buttons);

  adw_bin_set_child (ADW_BIN (self), box);
}

static void
lh_desk_record_form_class_init (LhDeskRecordFormClass *klass)
{
  signals[SIGNAL_SUBMIT] =
    g_signal_new ("submit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lh_desk_record_form_init (LhDeskRecordForm *self)
{
  build (self);
}

GtkWidget *
lh_desk_record_form_new (void)
{
  return g_object_new (LH_TYPE_DESK_RECORD_FORM, NULL);
}

void
lh_desk_record_form_start (LhDeskRecordForm *self,
                           LhRecordFormKind  kind,
                           const char       *goal,
                           GDateTime        *now)
{
  g_autofree char *title = NULL;
  gboolean sentences = kind == LH_RECORD_FORM_NOTE || kind == LH_RECORD_FORM_MOT;

  g_return_if_fail (LH_IS_DESK_RECORD_FORM (self));
  g_return_if_fail (now != NULL);

  self->kind = kind;
  switch (kind)
    {
    case LH_RECORD_FORM_NOTE:
      title = g_strdup (_("Add a note to their record"));
      gtk_label_set_label (self->text_title_label, _("The note"));
      gtk_button_set_label (GTK_BUTTON (self->submit_button), _("Add the note"));
      break;
    case LH_RECORD_FORM_GOAL:
      title = g_strdup (_("Add a goal to their plan"));
      gtk_label_set_label (self->text_title_label, _("The goal, in a few words"));
      gtk_button_set_label (GTK_BUTTON (self->submit_button), _("Add the goal"));
      break;
    case LH_RECORD_FORM_STEP:
      /* Translators: "A step towards: Pass ESOL Entry 3" */
      title = g_strdup_printf (_("A step towards: %s"), goal ? goal : "");
      gtk_label_set_label (self->text_title_label, _("The step, in a few words"));
      gtk_button_set_label (GTK_BUTTON (self->submit_button), _("Add the step"));
      break;
    case LH_RECORD_FORM_MOT:
    default:
      title = g_strdup (_("Record a learning MOT"));
      gtk_label_set_label (self->text_title_label, _("What came out of it"));
      gtk_button_set_label (GTK_BUTTON (self->submit_button), _("Save the MOT"));
      break;
    }
  gtk_label_set_label (self->title_label, title);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_widget_set_visible (self->text_frame, sentences);
  gtk_widget_set_visible (GTK_WIDGET (self->entry), !sentences);
  gtk_widget_set_visible (GTK_WIDGET (self->due_stepper), !sentences);
  gtk_widget_set_visible (GTK_WIDGET (self->next_stepper), kind == LH_RECORD_FORM_MOT);
  /* No date to start with; the next MOT a year on, as the daemon would. */
  lh_date_stepper_set_today (self->due_stepper, now, -1);
  lh_date_stepper_set_today (self->next_stepper, now, 12);
  lh_desk_record_form_show_error (self, NULL);
  gtk_widget_grab_focus (sentences ? GTK_WIDGET (self->text_view) : GTK_WIDGET (self->entry));
}

LhRecordFormKind
lh_desk_record_form_get_kind (LhDeskRecordForm *self)
{
  g_return_val_if_fail (LH_IS_DESK_RECORD_FORM (self), LH_RECORD_FORM_NOTE);
  return self->kind;
}

char *
lh_desk_record_form_get_text (LhDeskRecordForm *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (LH_IS_DESK_RECORD_FORM (self), NULL);

  if (gtk_widget_get_visible (self->text_frame))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  else
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  return g_strdup (g_strstrip (text));
}

char *
lh_desk_record_form_get_date (LhDeskRecordForm *self)
{
  g_return_val_if_fail (LH_IS_DESK_RECORD_FORM (self), NULL);

  switch (self->kind)
    {
    case LH_RECORD_FORM_GOAL:
    case LH_RECORD_FORM_STEP:
      return lh_date_stepper_get_date (self->due_stepper);
    case LH_RECORD_FORM_MOT:
      return lh_date_stepper_get_date (self->next_stepper);
    case LH_RECORD_FORM_NOTE:
    default:
      return NULL;
    }
}

void
lh_desk_record_form_show_error (LhDeskRecordForm *self,
                                const char       *message)
{
  g_return_if_fail (LH_IS_DESK_RECORD_FORM (self));

  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

GtkButton *
lh_desk_record_form_get_submit (LhDeskRecordForm *self)
{
  g_return_val_if_fail (LH_IS_DESK_RECORD_FORM (self), NULL);
  return GTK_BUTTON (self->submit_button);
}

GtkButton *
lh_desk_record_form_get_back (LhDeskRecordForm *self)
{
  g_return_val_if_fail (LH_IS_DESK_RECORD_FORM (self), NULL);
  return GTK_BUTTON (self->back_button);
}
