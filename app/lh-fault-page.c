/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-fault-page"

#include "lh-fault-page.h"

#include <glib/gi18n.h>

#include "lh-busy.h"
#include "lh-client-faults.h"
#include "lh-fault-words.h"
#include "lh-messages.h"

/* Tiles in a row: seven fit two rows at 1280 px. */
#define TILES_PER_ROW 4

#define PC_ID_KEY "lh-fault-pc-id"
#define PC_NAME_KEY "lh-fault-pc-name"
#define CATEGORY_KEY "lh-fault-category"

static const struct {
  const char *category;  /* as the daemon names it */
  const char *icon;
  const char *words;
} categories[] = {
  { "programs", "application-x-executable-symbolic", N_("Won’t start a program") },
  { "internet", "network-wired-disconnected-symbolic", N_("No internet") },
  { "keyboard-mouse", "input-keyboard-symbolic", N_("Keyboard or mouse") },
  { "screen", "video-display-symbolic", N_("Screen") },
  { "sound", "audio-volume-muted-symbolic", N_("Sound") },
  { "printer", "printer-symbolic", N_("Printer") },
  { "other", "dialog-question-symbolic", N_("Something else") },
};

struct _LhFaultPage
{
  AdwBin        parent_instance;

  LhClient     *client;        /* (owned) (nullable) */
  GCancellable *cancellable;   /* (owned) (nullable) set while a request is in flight */
  GtkButton    *busy_tile;     /* (unowned) (nullable) the tile whose report is in flight */
  gboolean      at_desk;       /* the PC is chosen here, not implied */
  gint64        pc_id;         /* at the desk: the PC chosen; 0 before */
  char         *pc_name;       /* (owned) (nullable) */

  /* template children (unowned) */
  GtkLabel     *title_label;
  GtkLabel     *lead_label;
  GtkWidget    *error_box;
  GtkLabel     *error_label;
  GtkStack     *views;
  GtkGrid      *pc_grid;
  GtkEntry     *note_entry;
  GtkGrid      *category_grid;
  GtkWidget    *joined_label;
  GtkWidget    *out_of_order_box;
  GtkLabel     *out_of_order_label;
};

G_DEFINE_FINAL_TYPE (LhFaultPage, lh_fault_page, ADW_TYPE_BIN)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (LhFaultPage *self,
            const char  *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

static void
set_lead (LhFaultPage *self,
          const char  *lead)
{
  gtk_label_set_label (self->lead_label, lead ? lead : "");
  gtk_widget_set_visible (GTK_WIDGET (self->lead_label), lead != NULL);
}

static void
stop_request (LhFaultPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->busy_tile != NULL)
    lh_busy_end (self->busy_tile);
  self->busy_tile = NULL;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
tile_new (const char *icon,
          const char *words)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  /* The button's label says it all: the icon is not read out too. */
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE, "icon-name", icon,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *label = gtk_label_new (words);

  gtk_image_set_pixel_size (GTK_IMAGE (image), 48);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_add_css_class (label, "lh-fault-tile-label");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "lh-fault-tile");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
  return button;
}

/* ---- the steps -------------------------------------------------------- */

static void
show_categories (LhFaultPage *self)
{
  gtk_label_set_label (self->title_label, _("What is wrong with this PC?"));
  set_lead (self, self->pc_name);
  show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->views, "categories");
}

static void
pc_clicked_cb (GtkButton   *button,
               LhFaultPage *self)
{
  if (self->cancellable != NULL)
    return;
  self->pc_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), PC_ID_KEY));
  g_free (self->pc_name);
  self->pc_name = g_strdup (g_object_get_data (G_OBJECT (button), PC_NAME_KEY));
  show_categories (self);
}

static void
list_pcs_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LhFaultPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = NULL;

  pcs = lh_client_list_fault_pcs_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_FAULT_PAGE (user_data);
  g_clear_object (&self->cancellable);
  if (pcs == NULL)
    {
      g_autofree char *message = lh_message_for_error (error);

      g_debug ("Could not list the PCs: %s", error->message);
      show_error (self, message);
      return;
    }

  clear_grid (self->pc_grid);
  for (guint i = 0; i < pcs->len; i++)
    {
      LhFaultPc *pc = g_ptr_array_index (pcs, i);
      GtkWidget *button = tile_new ("computer-symbolic", pc->name);

      g_object_set_data (G_OBJECT (button), PC_ID_KEY, GSIZE_TO_POINTER ((gsize) pc->id));
      g_object_set_data_full (G_OBJECT (button), PC_NAME_KEY, g_strdup (pc->name), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (pc_clicked_cb), self);
      gtk_grid_attach (self->pc_grid, button, (int) (i % TILES_PER_ROW), (int) (i / TILES_PER_ROW), 1, 1);
    }
  if (pcs->len == 0)
    show_error (self, _("There are no PCs to report here. Please tell a learning rep."));
}

static void
show_pcs (LhFaultPage *self)
{
  gtk_label_set_label (self->title_label, _("Which PC is not working?"));
  set_lead (self, _("Tap the PC. Its name is on a label on the screen or the box."));
  show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->views, "pcs");
}

/* ---- the report ------------------------------------------------------- */

/* The kiosk's own words for a refusal: the daemon's reason, not its text
 * (data/api/learnhub-api.md, POST /api/v1/faults). */
static char *
message_for_refusal (const GError *error)
{
  const char *reason = lh_client_error_get_reason (error);

  if (g_strcmp0 (reason, "too-many-reports") == 0)
    return g_strdup (_("This kiosk has just sent a few reports. Please wait a minute and try again, or tell a learning rep."));
  if (g_strcmp0 (reason, "too-many-reports-centre") == 0)
    return g_strdup (_("Many faults have been reported in the last hour. Please tell a learning rep, or try again later."));
  if (g_strcmp0 (reason, "note-invalid") == 0 && lh_client_error_get_max_chars (error, NULL) > 0)
    {
      guint max_chars = lh_client_error_get_max_chars (error, NULL);

      /* Translators: the limit comes from the centre's server. */
      return g_strdup_printf (ngettext ("The note is too long or has characters it cannot take. Please keep it to "
                                        "%u letter and try again.",
                                        "The note is too long or has characters it cannot take. Please keep it to "
                                        "%u letters and try again.",
                                        max_chars),
                              max_chars);
    }
  if (g_strcmp0 (reason, "note-invalid") == 0)
    return g_strdup (_("The note is too long or has characters it cannot take. Please shorten it and try again."));
  if (g_strcmp0 (reason, "not-this-pc") == 0)
    return g_strdup (_("This kiosk reports only its own PC. For anything else, please use the kiosk at the desk."));
  if (g_strcmp0 (reason, "item-unknown") == 0)
    return g_strdup (_("The centre has no such PC in its list. Please tell a learning rep."));
  if (g_strcmp0 (reason, "item-retired") == 0)
    return g_strdup (_("This has been taken out of service already. Please tell a learning rep."));
  if (g_strcmp0 (reason, "item-not-named") == 0)
    return g_strdup (_("Please choose the PC that is not working first."));
  if (g_strcmp0 (reason, "category-unknown") == 0)
    return g_strdup (_("The centre does not know this kind of fault. Please choose “Something else” and say what is wrong in the note."));
  if (g_strcmp0 (reason, "item-named-twice") == 0)
    return g_strdup (_("This PC cannot be reported from here. Please tell a learning rep."));
  return lh_message_for_error (error);
}

static void
report_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LhFaultPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFaultReport) report = NULL;

  report = lh_client_report_fault_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_FAULT_PAGE (user_data);
  stop_request (self);
  if (report == NULL)
    {
      g_autofree char *message = message_for_refusal (error);

      g_debug ("Fault report refused: %s", error->message);
      show_error (self, message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_label_set_label (self->title_label, _("Thank you. The centre’s admin has been told."));
  set_lead (self, self->pc_name);
  show_error (self, NULL);
  gtk_widget_set_visible (self->joined_label, report->joined);
  gtk_widget_set_visible (self->out_of_order_box, report->stops_use);
  if (report->stops_use)
    {
      g_autofree char *bookings = lh_fault_format_out_of_order (report);

      gtk_label_set_label (self->out_of_order_label, bookings);
    }
  gtk_stack_set_visible_child_name (self->views, "done");
}

static void
category_clicked_cb (GtkButton   *button,
                     LhFaultPage *self)
{
  const char *category = g_object_get_data (G_OBJECT (button), CATEGORY_KEY);
  g_autofree char *note = NULL;

  /* A second tap while the first is on its way sends nothing. */
  if (self->cancellable != NULL || self->client == NULL)
    return;

  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  show_error (self, NULL);
  self->cancellable = g_cancellable_new ();
  self->busy_tile = button;
  lh_busy_begin (button);
  lh_client_report_fault_async (self->client, category, note, self->at_desk ? self->pc_id : 0,
                                self->cancellable, report_cb, self);
}

static void
done_clicked_cb (LhFaultPage *self,
                 GtkButton   *button)
{
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

static void
build_categories (LhFaultPage *self)
{
  for (gsize i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      GtkWidget *button = tile_new (categories[i].icon, _(categories[i].words));

      g_object_set_data (G_OBJECT (button), CATEGORY_KEY, (gpointer) categories[i].category);
      g_signal_connect (button, "clicked", G_CALLBACK (category_clicked_cb), self);
      gtk_grid_attach (self->category_grid, button, (int) (i % TILES_PER_ROW), (int) (i / TILES_PER_ROW), 1, 1);
    }
}

/* ---- the object ------------------------------------------------------- */

static void
lh_fault_page_dispose (GObject *object)
{
  LhFaultPage *self = LH_FAULT_PAGE (object);

  stop_request (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LH_TYPE_FAULT_PAGE);

  G_OBJECT_CLASS (lh_fault_page_parent_class)->dispose (object);
}

static void
lh_fault_page_finalize (GObject *object)
{
  LhFaultPage *self = LH_FAULT_PAGE (object);

  g_clear_object (&self->client);
  g_free (self->pc_name);

  G_OBJECT_CLASS (lh_fault_page_parent_class)->finalize (object);
}

static void
lh_fault_page_class_init (LhFaultPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lh_fault_page_dispose;
  object_class->finalize = lh_fault_page_finalize;

  /* The thank-you was read, or timed out: back to the welcome page. */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/learnhub/Kiosk/lh-fault-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LhFaultPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LhFaultPage, lead_label);
  gtk_widget_class_bind_template_child (widget_class, LhFaultPage, error_box);
  gtk_widget_class_bind_template_child (widget_class, LhFaultPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LhFaultPage, views);
  gtk_widget_class_bind_template_child (widget_class, LhFaultPage, pc_grid);
  gtk_widget_class_bind_template_child (widget_class, LhFaultPage, note_entry);
  gtk_widget_class_bind_template_child (widget_class, LhFaultPage, category_grid);
  gtk_widget_class_bind_template_child (widget_class, LhFaultPage, joined_label);
  gtk_widget_class_bind_template_child (widget_class, LhFaultPage, out_of_order_box);
  gtk_widget_class_bind_template_child (widget_class, LhFaultPage, out_of_order_label);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
}

static void
lh_fault_page_init (LhFaultPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_categories (self);
}

void
lh_fault_page_set_client (LhFaultPage *self,
                          LhClient    *client)
{
  g_return_if_fail (LH_IS_FAULT_PAGE (self));
  g_return_if_fail (client == NULL || LH_IS_CLIENT (client));

  g_set_object (&self->client, client);
}

void
lh_fault_page_start (LhFaultPage *self,
                     const char  *this_pc)
{
  g_return_if_fail (LH_IS_FAULT_PAGE (self));

  lh_fault_page_reset (self);
  self->at_desk = this_pc == NULL;
  if (!self->at_desk)
    {
      self->pc_name = g_strdup (this_pc);
      show_categories (self);
      return;
    }
  show_pcs (self);
  if (self->client == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  lh_client_list_fault_pcs_async (self->client, self->cancellable, list_pcs_cb, self);
}

void
lh_fault_page_reset (LhFaultPage *self)
{
  g_return_if_fail (LH_IS_FAULT_PAGE (self));

  stop_request (self);
  self->pc_id = 0;
  g_clear_pointer (&self->pc_name, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  clear_grid (self->pc_grid);
  show_error (self, NULL);
}

gboolean
lh_fault_page_go_back (LhFaultPage *self)
{
  g_return_val_if_fail (LH_IS_FAULT_PAGE (self), FALSE);

  if (!self->at_desk || !g_str_equal (gtk_stack_get_visible_child_name (self->views), "categories"))
    return FALSE;
  stop_request (self);
  self->pc_id = 0;
  g_clear_pointer (&self->pc_name, g_free);
  show_pcs (self);
  return TRUE;
}
