/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-equipment-page"

#include <glib/gi18n.h>

#include "lh-busy.h"
#include "lh-may.h"
#include "lh-card-widgets.h"
#include "lh-equipment-page-private.h"
#include "lh-equipment-words.h"
#include "lh-slot-widgets.h"


G_DEFINE_FINAL_TYPE (LhEquipmentPage, lh_equipment_page, LH_TYPE_PAGE)

static gboolean
admin_signed_in (LhEquipmentPage *self)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));

  return client != NULL && lh_client_is_signed_in (client) &&
         lh_equipment_page_is_for (lh_client_get_person (client));
}

/* While a change is on its way nothing else may be sent. */
void
lh_equipment_page_update_buttons (LhEquipmentPage *self)
{
  gboolean sensitive = lh_page_is_online (LH_PAGE (self)) && self->send_cancellable == NULL &&
                       self->item_cancellable == NULL;

  lh_page_set_buttons_sensitive (GTK_WIDGET (self->faults_box), sensitive);
  lh_page_set_buttons_sensitive (GTK_WIDGET (self->checks_box), sensitive);
  lh_page_set_buttons_sensitive (GTK_WIDGET (self->inventory_box), sensitive);
  lh_page_set_buttons_sensitive (GTK_WIDGET (self->statuses_box), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_button), sensitive);
  if (self->form != NULL)
    lh_equipment_form_set_can_save (self->form, sensitive);
}

/* ---- the list --------------------------------------------------------- */

static GtkWidget *
fault_button (LhEquipmentPage   *self,
              const LhOpenFault *fault,
              SeeTo              see_to)
{
  g_autofree char *item = lh_equipment_format_fault_item (fault);
  /* Translators: read out for the button, "Assign PC 5 (asset LC-0005)", "Repaired: PC 5 (asset
   * LC-0005)": the words shown on it first. */
  g_autofree char *a11y = g_strdup_printf (see_to == SEE_TO_ASSIGN ? _("Assign %s") : _("Repaired: %s"),
                                           item);
  GtkWidget *button = gtk_button_new_with_label (see_to == SEE_TO_ASSIGN ? _("Assign") : _("Repaired"));

  gtk_widget_add_css_class (button, "lh-primary");
  if (see_to == SEE_TO_REPAIR)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_set_name (button, see_to == SEE_TO_ASSIGN ? "assign" : "repaired");
  g_object_set_data_full (G_OBJECT (button), FAULT_KEY, lh_open_fault_copy (fault),
                          (GDestroyNotify) lh_open_fault_free);
  g_object_set_data (G_OBJECT (button), "lh-see-to", GINT_TO_POINTER (see_to));
  g_signal_connect_object (button, "clicked", G_CALLBACK (lh_equipment_page_see_to_clicked), self, G_CONNECT_SWAPPED);
  return button;
}

static GtkWidget *
fault_card (LhEquipmentPage   *self,
            const LhOpenFault *fault,
            GDateTime         *now)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *facts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *item = lh_equipment_format_fault_item (fault);
  g_autofree char *age = lh_equipment_format_age (fault->reported_at, now);
  g_autofree char *reports = lh_equipment_format_reports (fault);
  g_autofree char *assigned = lh_equipment_format_assigned (fault);
  g_autofree char *name = g_strdup_printf ("fault-%s", fault->asset_tag);

  gtk_widget_set_name (card, name);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-group-card");
  gtk_widget_set_hexpand (facts, TRUE);
  gtk_box_append (GTK_BOX (facts), lh_card_label_new (item, "lh-group-title"));
  gtk_box_append (GTK_BOX (facts), lh_card_line_new ("dialog-warning-symbolic",
                                                     lh_equipment_category_words (fault->category),
                                                     "lh-section-title"));
  gtk_box_append (GTK_BOX (facts), lh_card_line_new ("alarm-symbolic", age, NULL));
  gtk_box_append (GTK_BOX (facts), lh_card_line_new ("view-list-symbolic", reports, NULL));
  gtk_box_append (GTK_BOX (facts), lh_card_line_new ("avatar-default-symbolic", assigned, "lh-group-fullness"));
  gtk_box_append (GTK_BOX (card), facts);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), fault_button (self, fault, SEE_TO_ASSIGN));
  gtk_box_append (GTK_BOX (buttons), fault_button (self, fault, SEE_TO_REPAIR));
  gtk_box_append (GTK_BOX (card), buttons);
  return card;
}

static GtkWidget *
item_row (LhEquipmentPage       *self,
          const LhEquipmentItem *item)
{
  g_autofree char *what = lh_equipment_format_item (item);
  /* Translators: an inventory row on two lines, "LC-0001: Desktop PC, is
   * PC 1" then "Status: Working". */
  g_autofree char *text = g_strdup_printf (_("%s\nStatus: %s"), what, lh_equipment_status_words (item->status));
  g_autofree char *name = g_strdup_printf ("item-%s", item->asset_tag);
  GtkWidget *button = lh_card_button_new (text, NULL, text);
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_name (button, name);
  if (g_str_equal (item->status, "retired"))
    gtk_widget_add_css_class (button, "dim-label");
  g_object_set_data_full (G_OBJECT (button), ITEM_ID_KEY, g_memdup2 (&item->id, sizeof item->id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (lh_equipment_page_item_clicked), self, G_CONNECT_SWAPPED);
  return button;
}

static void
show_inventory (LhEquipmentPage *self,
                GPtrArray       *items)
{
  lh_remove_children (GTK_WIDGET (self->inventory_box));
  /* The daemon lists by kind: a heading where the kind changes. */
  for (guint i = 0; i < items->len;)
    {
      const LhEquipmentItem *first = g_ptr_array_index (items, i);
      guint end = i;
      g_autofree char *heading = NULL;
      GtkWidget *label;

      while (end < items->len && g_str_equal (((LhEquipmentItem *) g_ptr_array_index (items, end))->kind,
                                              first->kind))
        end++;
      heading = lh_equipment_format_kind_heading (first->kind, end - i);
      label = lh_card_label_new (heading, "lh-section-title");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
      gtk_widget_set_margin_top (label, 12);
      gtk_box_append (self->inventory_box, label);
      for (; i < end; i++)
        gtk_box_append (self->inventory_box, item_row (self, g_ptr_array_index (items, i)));
    }
}

static void
show_list (LhEquipmentPage *self,
           GPtrArray       *items)
{
  g_autoptr(GDateTime) now = lh_client_now (lh_page_get_client (LH_PAGE (self)));
  g_autofree char *count = lh_equipment_format_open_faults (self->faults->len);

  lh_remove_children (GTK_WIDGET (self->faults_box));
  gtk_label_set_label (self->faults_label, count);
  for (guint i = 0; i < self->faults->len; i++)
    gtk_box_append (self->faults_box, fault_card (self, g_ptr_array_index (self->faults, i), now));
  lh_equipment_page_show_checks (self, now);
  show_inventory (self, items);
  lh_page_set_content (LH_PAGE (self), "list");
  lh_equipment_page_update_buttons (self);
}

static void
items_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean more = FALSE;
  g_auto(GStrv) kinds = NULL;
  g_autoptr(GPtrArray) items = lh_client_list_equipment_finish (LH_CLIENT (source), result, &more, &kinds, &error);
  LhEquipmentPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_EQUIPMENT_PAGE (user_data);
  if (kinds != NULL)
    {
      g_strfreev (self->kinds);
      self->kinds = g_steal_pointer (&kinds);
    }
  g_clear_object (&self->list_cancellable);
  /* The daemon sends the first page: say when there is more. */
  gtk_widget_set_visible (GTK_WIDGET (self->inventory_more_label), more);
  if (items != NULL)
    show_list (self, items);
  lh_page_end_load (LH_PAGE (self), error);
}

static void
checks_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checks = lh_client_list_checks_finish (LH_CLIENT (source), result, &error);
  LhEquipmentPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_EQUIPMENT_PAGE (user_data);
  if (checks == NULL)
    {
      g_clear_object (&self->list_cancellable);
      lh_page_end_load (LH_PAGE (self), error);
      return;
    }
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  self->checks = g_steal_pointer (&checks);
  lh_client_list_equipment_async (LH_CLIENT (source), self->list_cancellable, items_cb, self);
}

static void
faults_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean more = FALSE;
  g_autoptr(GPtrArray) faults = lh_client_list_open_faults_finish (LH_CLIENT (source), result, &more, &error);
  LhEquipmentPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_EQUIPMENT_PAGE (user_data);
  if (faults == NULL)
    {
      g_clear_object (&self->list_cancellable);
      lh_page_end_load (LH_PAGE (self), error);
      return;
    }
  g_clear_pointer (&self->faults, g_ptr_array_unref);
  self->faults = g_steal_pointer (&faults);
  gtk_widget_set_visible (GTK_WIDGET (self->faults_more_label), more);
  lh_client_list_checks_async (LH_CLIENT (source), self->list_cancellable, checks_cb, self);
}

void
lh_equipment_page_load_list (LhEquipmentPage *self)
{
  if (!admin_signed_in (self))
    return;
  g_set_object (&self->list_cancellable, lh_page_begin_list_load (LH_PAGE (self)));
  lh_client_list_open_faults_async (lh_page_get_client (LH_PAGE (self)), self->list_cancellable, faults_cb, self);
}

static void
confirm_back_clicked_cb (LhEquipmentPage *self,
                         GtkButton       *button)
{
  lh_equipment_page_go_back (self);
}

static void
item_back_clicked_cb (LhEquipmentPage *self,
                      GtkButton       *button)
{
  lh_equipment_page_go_back (self);
}

/* ---- LhPage ----------------------------------------------------------- */

static void
lh_equipment_page_connect_client (LhPage   *page,
                                  LhClient *client)
{
  lh_page_refresh_on_event (page, client, "event::faults-changed");
  /* A check done or falling due changes the notices. */
  lh_page_refresh_on_event (page, client, "event::admin-notices-changed");
  /* An item added or changed at another admin's kiosk. */
  lh_page_refresh_on_event (page, client, "event::equipment-changed");
}

static void
lh_equipment_page_refresh (LhPage *page)
{
  LhEquipmentPage *self = LH_EQUIPMENT_PAGE (page);

  /* Not under someone typing or reading an item: the list is read again
   * on the way back. */
  lh_page_refresh (page, !lh_page_view_is (page, "list") || self->send_cancellable != NULL);
}

static void
lh_equipment_page_load_page (LhPage *page)
{
  lh_equipment_page_load_list (LH_EQUIPMENT_PAGE (page));
}

static void
lh_equipment_page_update_online (LhPage   *page,
                                 gboolean  online)
{
  lh_equipment_page_update_buttons (LH_EQUIPMENT_PAGE (page));
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_equipment_page_dispose (GObject *object)
{
  lh_equipment_page_reset (LH_EQUIPMENT_PAGE (object));
  g_clear_pointer (&LH_EQUIPMENT_PAGE (object)->kinds, g_strfreev);

  G_OBJECT_CLASS (lh_equipment_page_parent_class)->dispose (object);
}

static void
lh_equipment_page_class_init (LhEquipmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  object_class->dispose = lh_equipment_page_dispose;
  page_class->connect_client = lh_equipment_page_connect_client;
  page_class->update_online = lh_equipment_page_update_online;
  page_class->load = lh_equipment_page_load_page;
  page_class->refresh = lh_equipment_page_refresh;

  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-equipment-page.ui", TRUE);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, faults_label);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, faults_box);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, checks_box);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, inventory_box);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, item_title_label);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, item_status_label);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, statuses_label);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, statuses_box);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, history_box);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, history_more_label);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, faults_more_label);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, inventory_more_label);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, confirm_question_label);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, form_label);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, names_box);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, form_entry);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, LhEquipmentPage, edit_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "add_clicked_cb",
                                                G_CALLBACK (lh_equipment_page_add_clicked));
  gtk_widget_class_bind_template_callback_full (widget_class, "edit_clicked_cb",
                                                G_CALLBACK (lh_equipment_page_edit_clicked));
  gtk_widget_class_bind_template_callback_full (widget_class, "confirm_clicked_cb",
                                                G_CALLBACK (lh_equipment_page_confirm_clicked));
  gtk_widget_class_bind_template_callback (widget_class, confirm_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_back_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "form_changed_cb",
                                                G_CALLBACK (lh_equipment_page_form_changed));
}

static void
lh_equipment_page_init (LhEquipmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self->form_entry), "lh-fault-note");
  lh_equipment_page_add_form (self);
}

/* ---- API -------------------------------------------------------------- */

gboolean
lh_equipment_page_is_for (const LhPerson *person)
{
  return lh_may (person, LH_WAY_ADMIN);
}

void
lh_equipment_page_load (LhEquipmentPage *self)
{
  g_return_if_fail (LH_IS_EQUIPMENT_PAGE (self));

  if (self->send_cancellable != NULL)
    return;
  lh_page_show_message (LH_PAGE (self), NULL);
  lh_equipment_page_load_list (self);
}

void
lh_equipment_page_reset (LhEquipmentPage *self)
{
  g_return_if_fail (LH_IS_EQUIPMENT_PAGE (self));

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  g_cancellable_cancel (self->item_cancellable);
  g_clear_object (&self->item_cancellable);
  g_cancellable_cancel (self->send_cancellable);
  g_clear_object (&self->send_cancellable);
  if (self->busy_button != NULL)
    lh_busy_end (self->busy_button);
  g_clear_object (&self->busy_button);
  g_clear_pointer (&self->faults, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->check, lh_check_info_free);
  g_clear_pointer (&self->check_result, g_free);
  g_clear_pointer (&self->fault, lh_open_fault_free);
  g_clear_pointer (&self->detail, lh_item_detail_free);
  g_clear_pointer (&self->new_status, g_free);
  self->see_to = SEE_TO_NOTHING;
  if (self->faults_box != NULL)
    {
      lh_remove_children (GTK_WIDGET (self->faults_box));
      lh_remove_children (GTK_WIDGET (self->checks_box));
      lh_remove_children (GTK_WIDGET (self->inventory_box));
      lh_remove_children (GTK_WIDGET (self->statuses_box));
      lh_remove_children (GTK_WIDGET (self->history_box));
      gtk_label_set_label (self->faults_label, "");
      gtk_editable_set_text (GTK_EDITABLE (self->form_entry), "");
    }
  lh_page_reset (LH_PAGE (self), "list");
}

gboolean
lh_equipment_page_go_back (LhEquipmentPage *self)
{
  g_return_val_if_fail (LH_IS_EQUIPMENT_PAGE (self), FALSE);

  if (lh_page_view_is (LH_PAGE (self), "list"))
    return FALSE;
  /* A change is on its way: wait for its answer. */
  if (self->send_cancellable != NULL)
    return TRUE;
  /* What was being read for the view left is not wanted: the PCs read
   * for "Edit details" would otherwise open the Add form on the list. */
  if (self->item_cancellable != NULL)
    {
      g_cancellable_cancel (self->item_cancellable);
      g_clear_object (&self->item_cancellable);
      if (self->busy_button != NULL)
        lh_busy_end (self->busy_button);
      g_clear_object (&self->busy_button);
      lh_equipment_page_update_buttons (self);
    }
  if ((lh_page_view_is (LH_PAGE (self), "confirm") && self->see_to == SEE_TO_STATUS && self->detail != NULL) ||
      (lh_page_view_is (LH_PAGE (self), "details") && self->detail != NULL))
    {
      self->see_to = SEE_TO_NOTHING;
      lh_page_set_view (LH_PAGE (self), "item");
      return TRUE;
    }
  self->see_to = SEE_TO_NOTHING;
  g_clear_pointer (&self->detail, lh_item_detail_free);
  lh_page_set_view (LH_PAGE (self), "list");
  /* Statuses may have changed on the item view: read the list again. */
  lh_equipment_page_load_list (self);
  return TRUE;
}
