/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The admin's form for an item of the inventory: built here rather than
 * in the page's template, which is long enough. */
#define G_LOG_DOMAIN "lh-equipment-form"

#include "lh-equipment-form.h"

#include <glib/gi18n.h>

#include "lh-busy.h"
#include "lh-card-widgets.h"
#include "lh-equipment-words.h"
#include "lh-slot-widgets.h"
#include "lh-why-disabled.h"

#define KIND_KEY "lh-kind"
#define PC_ID_KEY "lh-pc-id"

struct _LhEquipmentForm
{
  GtkBox      parent_instance;

  gint64      item_id;       /* 0: a new item */
  char       *kind;          /* (owned) (nullable) the item's, or the one chosen */
  gint64      pc_id;         /* the PC chosen, 0: none */
  gint64      first_pc_id;   /* the item's when the form opened */
  /* The item's texts when the form opened: an edit sends only what the
   * admin changed, so it does not undo another admin's change. */
  char       *first_description;  /* (owned) (nullable) */
  char       *first_location;     /* (owned) (nullable) */

  GtkLabel   *title_label;
  GtkWidget  *error_box;
  GtkLabel   *error_label;
  GtkWidget  *tag_box;
  GtkEntry   *tag_entry;
  GtkWidget  *kind_box;
  GtkFlowBox *kinds_box;
  GtkEntry   *description_entry;
  GtkEntry   *location_entry;
  GtkWidget  *pc_box;
  GtkFlowBox *pcs_box;
  GtkEntry   *note_entry;
  GtkButton  *back_button;
  GtkButton  *save_button;
  GtkWidget  *save_why;      /* why Save is not ready yet */
  gboolean    can_save;      /* the page's say: online, nothing on its way */
};

G_DEFINE_FINAL_TYPE (LhEquipmentForm, lh_equipment_form, GTK_TYPE_BOX)

enum { SIGNAL_SAVE, SIGNAL_BACK, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What the form still lacks before Save can do anything, in the
 * admin's words; NULL when nothing. Only the form's own gaps: what the
 * daemon accepts is for its refusal to say. */
static const char *
missing (LhEquipmentForm *self)
{
  if (self->item_id == 0)
    {
      if (gtk_editable_get_text (GTK_EDITABLE (self->tag_entry))[0] == '\0')
        return _("Type the asset tag first");
      if (self->kind == NULL)
        return _("Choose what kind of item it is first");
      return NULL;
    }
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->description_entry)),
                 self->first_description != NULL ? self->first_description : "") == 0 &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->location_entry)),
                 self->first_location != NULL ? self->first_location : "") == 0 &&
      (g_strcmp0 (self->kind, "computer") != 0 || self->pc_id == self->first_pc_id))
    return _("Change a detail first");
  return NULL;
}

static void
update_save (LhEquipmentForm *self)
{
  /* Its spinner keeps it insensitive while it is sent. */
  if (lh_busy_is_busy (self->save_button))
    return;
  lh_why_disabled_set (GTK_WIDGET (self->save_button), self->save_why, self->can_save ? missing (self) : NULL);
  if (!self->can_save)
    gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
}

static void
entry_changed_cb (LhEquipmentForm *self)
{
  lh_equipment_form_show_error (self, NULL);
  update_save (self);
}

/* A field: its title above an entry it labels, 48 px high at least; a
 * refusal goes once it is typed in again. */
static GtkEntry *
add_field (LhEquipmentForm *self, const char *title, const char *name, GtkInputPurpose purpose,
           GtkWidget **out_field)
{
  GtkBox *box = GTK_BOX (self);
  GtkWidget *field = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "lh-field-title");
  gtk_widget_set_name (entry, name);
  gtk_widget_set_size_request (entry, -1, 48);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), purpose);
  gtk_widget_add_css_class (entry, "lh-fault-note");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (field), label);
  gtk_box_append (GTK_BOX (field), entry);
  gtk_box_append (box, field);
  g_signal_connect_object (entry, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  if (out_field != NULL)
    *out_field = field;
  return GTK_ENTRY (entry);
}

/* A titled group of choices, one of which is on. */
static GtkFlowBox *
add_choices (GtkBox *box, const char *title, GtkWidget **out_group)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "lh-field-title");
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (group), label);
  gtk_box_append (GTK_BOX (group), flow);
  gtk_box_append (box, group);
  *out_group = group;
  return GTK_FLOW_BOX (flow);
}

static GtkWidget *
choice_button (const char *label, const char *name, GtkToggleButton *group)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "lh-choice");
  gtk_widget_set_size_request (button, -1, 48);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
  return button;
}

static void
clear_flow (GtkFlowBox *flow)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (flow))) != NULL;)
    gtk_flow_box_remove (flow, child);
}

/* The PC is asked only of a computer. */
static void
update_pc_box (LhEquipmentForm *self)
{
  gtk_widget_set_visible (self->pc_box, g_strcmp0 (self->kind, "computer") == 0);
}

static void
kind_toggled_cb (LhEquipmentForm *self, GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  g_free (self->kind);
  self->kind = g_strdup (g_object_get_data (G_OBJECT (button), KIND_KEY));
  update_pc_box (self);
  lh_equipment_form_show_error (self, NULL);
  update_save (self);
}

static void
pc_toggled_cb (LhEquipmentForm *self, GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->pc_id = *(const gint64 *) g_object_get_data (G_OBJECT (button), PC_ID_KEY);
  lh_equipment_form_show_error (self, NULL);
  update_save (self);
}

static GtkWidget *
pc_button (LhEquipmentForm *self, gint64 id, const char *label, GtkToggleButton *group)
{
  g_autofree char *name = g_strdup_printf ("pc-%" G_GINT64_FORMAT, id);
  GtkWidget *button = choice_button (label, name, group);

  g_object_set_data_full (G_OBJECT (button), PC_ID_KEY, g_memdup2 (&id, sizeof id), g_free);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), id == self->pc_id);
  g_signal_connect_object (button, "toggled", G_CALLBACK (pc_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_flow_box_append (self->pcs_box, button);
  return button;
}

static void
fill_pcs (LhEquipmentForm *self, GPtrArray *pcs)
{
  GtkWidget *none;

  clear_flow (self->pcs_box);
  none = pc_button (self, 0, _("Not a bookable PC"), NULL);
  for (guint i = 0; pcs != NULL && i < pcs->len; i++)
    {
      const LhPcChoice *pc = g_ptr_array_index (pcs, i);

      pc_button (self, pc->id, pc->name, GTK_TOGGLE_BUTTON (none));
    }
}

static void
fill_kinds (LhEquipmentForm     *self,
            const char * const *kinds)
{
  GtkWidget *first = NULL;

  clear_flow (self->kinds_box);
  /* The daemon's kinds, in its order: the kiosk keeps no list. */
  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("kind-%s", kinds[i]);
      GtkWidget *button = choice_button (lh_equipment_kind_words (kinds[i]), name, GTK_TOGGLE_BUTTON (first));

      g_object_set_data_full (G_OBJECT (button), KIND_KEY, g_strdup (kinds[i]), g_free);
      g_signal_connect_object (button, "toggled", G_CALLBACK (kind_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->kinds_box, button);
      if (first == NULL)
        first = button;
    }
}

static void
open_form (LhEquipmentForm *self, gint64 item_id, const char *title, const char *save)
{
  self->item_id = item_id;
  gtk_label_set_label (self->title_label, title);
  gtk_button_set_label (self->save_button, save);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  lh_equipment_form_show_error (self, NULL);
  lh_equipment_form_set_busy (self, FALSE);
  update_pc_box (self);
  update_save (self);
}

static void
save_clicked_cb (LhEquipmentForm *self)
{
  /* Enter in the last field is Save, when Save is ready. */
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;
  g_signal_emit (self, signals[SIGNAL_SAVE], 0);
}

static void
back_clicked_cb (LhEquipmentForm *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
lh_equipment_form_finalize (GObject *object)
{
  LhEquipmentForm *self = LH_EQUIPMENT_FORM (object);

  g_free (self->kind);
  g_free (self->first_description);
  g_free (self->first_location);

  G_OBJECT_CLASS (lh_equipment_form_parent_class)->finalize (object);
}

static void
lh_equipment_form_class_init (LhEquipmentFormClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lh_equipment_form_finalize;
  signals[SIGNAL_SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);
  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);
}

static void
lh_equipment_form_init (LhEquipmentForm *self)
{
  GtkBox *box = GTK_BOX (self);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (box, 20);
  /* Announced as a heading, as the .ui pages' titles are. */
  self->title_label = GTK_LABEL (g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL));
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_xalign (self->title_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "lh-page-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (box, GTK_WIDGET (self->title_label));

  self->tag_entry = add_field (self, _("Asset tag, as on the item’s label"), "asset-tag", GTK_INPUT_PURPOSE_FREE_FORM,
                               &self->tag_box);
  self->kinds_box = add_choices (box, _("What kind of item is it?"), &self->kind_box);
  self->description_entry = add_field (self, _("What is it? For example “24-inch monitor”"), "description",
                                       GTK_INPUT_PURPOSE_FREE_FORM, NULL);
  self->location_entry = add_field (self, _("Where is it kept?"), "location", GTK_INPUT_PURPOSE_FREE_FORM, NULL);
  self->pcs_box = add_choices (box, _("Which bookable PC is this computer?"), &self->pc_box);
  self->note_entry = add_field (self, _("Why? A short note for its history, if you like"), "note",
                                GTK_INPUT_PURPOSE_FREE_FORM, NULL);

  self->error_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* An alert: read out as soon as it shows. */
  self->error_label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, NULL);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "form-error");
  gtk_widget_add_css_class (self->error_box, "lh-error");
  gtk_widget_set_halign (self->error_box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->error_box), icon);
  gtk_box_append (GTK_BOX (self->error_box), GTK_WIDGET (self->error_label));
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_box_append (box, self->error_box);

  self->back_button = GTK_BUTTON (gtk_button_new_with_label (_("Back")));
  self->save_button = GTK_BUTTON (gtk_button_new ());
  gtk_widget_set_name (GTK_WIDGET (self->save_button), "save");
  gtk_widget_add_css_class (GTK_WIDGET (self->back_button), "lh-primary");
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "lh-primary");
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->back_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->save_button));
  gtk_box_append (box, buttons);
  self->save_why = lh_why_disabled_label_new ();
  gtk_widget_set_halign (self->save_why, GTK_ALIGN_CENTER);
  gtk_label_set_justify (GTK_LABEL (self->save_why), GTK_JUSTIFY_CENTER);
  gtk_box_append (box, self->save_why);
  self->can_save = TRUE;
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_entry, "activate", G_CALLBACK (save_clicked_cb), self, G_CONNECT_SWAPPED);
}

/* ---- API -------------------------------------------------------------- */

GtkWidget *
lh_equipment_form_new (void)
{
  return g_object_new (LH_TYPE_EQUIPMENT_FORM, NULL);
}

void
lh_equipment_form_show_new (LhEquipmentForm    *self,
                            const char * const *kinds,
                            GPtrArray          *pcs)
{
  g_return_if_fail (LH_IS_EQUIPMENT_FORM (self));

  g_clear_pointer (&self->kind, g_free);
  self->pc_id = self->first_pc_id = 0;
  fill_kinds (self, kinds);
  fill_pcs (self, pcs);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->location_entry), "");
  gtk_widget_set_visible (self->tag_box, TRUE);
  gtk_widget_set_visible (self->kind_box, TRUE);
  open_form (self, 0, _("Add an item to the inventory"), _("Add the item"));
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_entry));
}

void
lh_equipment_form_show_edit (LhEquipmentForm       *self,
                             const LhEquipmentItem *item,
                             GPtrArray             *pcs)
{
  g_autofree char *title = NULL;

  g_return_if_fail (LH_IS_EQUIPMENT_FORM (self));
  g_return_if_fail (item != NULL);

  /* Translators: "Details of LC-0201, Desk" */
  title = g_strdup_printf (_("Details of %s, %s"), item->asset_tag, lh_equipment_kind_words (item->kind));
  g_free (self->kind);
  self->kind = g_strdup (item->kind);
  self->pc_id = self->first_pc_id = item->pc_id;
  fill_pcs (self, pcs);
  gtk_editable_set_text (GTK_EDITABLE (self->description_entry), item->description);
  gtk_editable_set_text (GTK_EDITABLE (self->location_entry), item->location);
  g_free (self->first_description);
  self->first_description = g_strdup (item->description);
  g_free (self->first_location);
  self->first_location = g_strdup (item->location);
  gtk_widget_set_visible (self->tag_box, FALSE);
  gtk_widget_set_visible (self->kind_box, FALSE);
  open_form (self, item->id, title, _("Save the details"));
  gtk_widget_grab_focus (GTK_WIDGET (self->location_entry));
}

gint64
lh_equipment_form_get_item_id (LhEquipmentForm *self)
{
  g_return_val_if_fail (LH_IS_EQUIPMENT_FORM (self), 0);

  return self->item_id;
}

gboolean
lh_equipment_form_get_changes (LhEquipmentForm    *self,
                               LhEquipmentChanges *out_changes)
{
  g_return_val_if_fail (LH_IS_EQUIPMENT_FORM (self), FALSE);

  *out_changes = (LhEquipmentChanges) {
    .asset_tag = gtk_editable_get_text (GTK_EDITABLE (self->tag_entry)),
    .kind = self->kind,
    .description = gtk_editable_get_text (GTK_EDITABLE (self->description_entry)),
    .location = gtk_editable_get_text (GTK_EDITABLE (self->location_entry)),
    /* A PC only for a computer; an edit sends it only once changed. */
    .pc_id = g_strcmp0 (self->kind, "computer") == 0 ? self->pc_id : 0,
    .note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry)),
  };
  out_changes->pc_changed = self->item_id != 0 && out_changes->pc_id != self->first_pc_id;
  if (self->item_id != 0)
    {
      if (g_strcmp0 (out_changes->description, self->first_description != NULL ? self->first_description : "") == 0)
        out_changes->description = NULL;
      if (g_strcmp0 (out_changes->location, self->first_location != NULL ? self->first_location : "") == 0)
        out_changes->location = NULL;
      return TRUE;
    }
  if (out_changes->asset_tag[0] == '\0')
    {
      lh_equipment_form_show_error (self, _("Please type the asset tag, as it is on the item’s label."));
      gtk_widget_grab_focus (GTK_WIDGET (self->tag_entry));
      return FALSE;
    }
  if (self->kind == NULL)
    {
      lh_equipment_form_show_error (self, _("Please choose what kind of item it is."));
      return FALSE;
    }
  return TRUE;
}

void
lh_equipment_form_set_busy (LhEquipmentForm *self,
                            gboolean         busy)
{
  g_return_if_fail (LH_IS_EQUIPMENT_FORM (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), !busy);
  if (busy)
    lh_busy_begin (self->save_button);
  else
    {
      lh_busy_end (self->save_button);
      update_save (self);
    }
}

void
lh_equipment_form_show_error (LhEquipmentForm *self,
                              const char      *message)
{
  g_return_if_fail (LH_IS_EQUIPMENT_FORM (self));

  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

void
lh_equipment_form_set_can_save (LhEquipmentForm *self,
                                gboolean         can_save)
{
  g_return_if_fail (LH_IS_EQUIPMENT_FORM (self));

  self->can_save = can_save;
  update_save (self);
}
