/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-reason-picker"

#include "lh-reason-picker.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-slot-widgets.h"

#define REASON_KEY "lh-reason"
#define MAX_REASON_CHARS 200

struct _LhReasonPicker
{
  GtkBox      parent_instance;

  GPtrArray  *buttons;   /* (owned) unowned toggles */
  GtkEntry   *entry;     /* (unowned) */
  gboolean    clearing;  /* typing clears the toggles, not the other way */
};

G_DEFINE_FINAL_TYPE (LhReasonPicker, lh_reason_picker, GTK_TYPE_BOX)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_toggles (LhReasonPicker *self)
{
  self->clearing = TRUE;
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->buttons, i), FALSE);
  self->clearing = FALSE;
}

static void
toggled_cb (LhReasonPicker  *self,
            GtkToggleButton *button)
{
  if (self->clearing || !gtk_toggle_button_get_active (button))
    return;
  /* One reason: a tapped one replaces what was typed. */
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
typed_cb (LhReasonPicker *self,
          GtkEditable    *editable)
{
  if (*gtk_editable_get_text (editable) == '\0')
    return;
  clear_toggles (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
lh_reason_picker_dispose (GObject *object)
{
  LhReasonPicker *self = LH_REASON_PICKER (object);

  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (lh_reason_picker_parent_class)->dispose (object);
}

static void
lh_reason_picker_class_init (LhReasonPickerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lh_reason_picker_dispose;

  /* A reason was tapped or typed. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
lh_reason_picker_init (LhReasonPicker *self)
{
  self->buttons = g_ptr_array_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
}

GtkWidget *
lh_reason_picker_new (const char * const *reasons)
{
  LhReasonPicker *self = g_object_new (LH_TYPE_REASON_PICKER, NULL);
  GtkFlowBox *flow = GTK_FLOW_BOX (gtk_flow_box_new ());

  g_return_val_if_fail (reasons != NULL, NULL);

  gtk_flow_box_set_selection_mode (flow, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (flow, 3);
  gtk_flow_box_set_column_spacing (flow, 12);
  gtk_flow_box_set_row_spacing (flow, 12);
  gtk_widget_add_css_class (GTK_WIDGET (flow), "lh-flow");
  for (guint i = 0; reasons[i] != NULL; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(reasons[i]));

      gtk_widget_add_css_class (button, "lh-choice");
      g_object_set_data (G_OBJECT (button), REASON_KEY, (gpointer) reasons[i]);
      if (self->buttons->len > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), g_ptr_array_index (self->buttons, 0));
      g_signal_connect_object (button, "toggled", G_CALLBACK (toggled_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->buttons, button);
      lh_flow_box_append (flow, button);
    }
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (flow));

  gtk_box_append (GTK_BOX (self), lh_card_label_new (_("Or type a reason"), "lh-field-title"));
  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_max_length (self->entry, MAX_REASON_CHARS);
  gtk_widget_add_css_class (GTK_WIDGET (self->entry), "lh-name-entry");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Or type a reason"), -1);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (typed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->entry));
  return GTK_WIDGET (self);
}

char *
lh_reason_picker_get_reason (LhReasonPicker *self)
{
  g_autofree char *typed = NULL;

  g_return_val_if_fail (LH_IS_REASON_PICKER (self), NULL);

  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  if (*typed != '\0')
    return g_steal_pointer (&typed);
  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->buttons, i);

      /* As the learner reads it: in the kiosk's language. */
      if (gtk_toggle_button_get_active (button))
        return g_strdup (_(g_object_get_data (G_OBJECT (button), REASON_KEY)));
    }
  return NULL;
}

void
lh_reason_picker_clear (LhReasonPicker *self)
{
  g_return_if_fail (LH_IS_REASON_PICKER (self));

  clear_toggles (self);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}
