/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-report-export"

#include "lh-report-export.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>

#include "lh-client-reports.h"

struct _LhReportExport
{
  GtkBox        parent_instance;

  LhClient     *client;       /* (owned) (nullable) */
  char         *first_day;    /* (owned) (nullable) */
  char         *last_day;     /* (owned) (nullable) */
  GCancellable *cancellable;  /* (owned) (nullable) while saving */
  char         *path;         /* (owned) (nullable) where it is saved */
  gboolean      online;
  GtkWidget    *buttons[3];   /* (unowned) one per format */
  GtkBox       *row;          /* (unowned) the buttons' row */
};

G_DEFINE_FINAL_TYPE (LhReportExport, lh_report_export, GTK_TYPE_BOX)

/* The daemon's formats, in the order of the buttons. */
static const char *const formats[] = { "pdf", "csv", "json" };

static void
update_buttons (LhReportExport *self)
{
  gboolean ready = self->online && self->client != NULL && self->first_day != NULL && self->cancellable == NULL;

  for (guint i = 0; i < G_N_ELEMENTS (self->buttons); i++)
    gtk_widget_set_sensitive (self->buttons[i], ready);
}

static void
tell (LhReportExport *self, const char *text)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", text);
}

static void
done (LhReportExport *self, const GError *error)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *folder_name = NULL;

  g_clear_object (&self->cancellable);
  update_buttons (self);
  if (error != NULL)
    {
      g_message ("Saving the site report as %s failed: %s", self->path ? self->path : "(not fetched)", error->message);
      tell (self, _("The report could not be saved. Please ask the centre's admin."));
      return;
    }
  /* The file's name first: a toast cuts a long line at its end. */
  name = g_path_get_basename (self->path);
  folder = g_path_get_dirname (self->path);
  folder_name = g_path_get_basename (folder);
  /* Translators: the file's name, then the folder it is in ("Documents") */
  text = g_strdup_printf (_("The report is saved as %s in the folder %s."), name, folder_name);
  tell (self, text);
}

static void
written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  done (LH_REPORT_EXPORT (user_data), error);
}

static void
fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = lh_client_get_site_report_file_finish (LH_CLIENT (source), result, &error);
  g_autoptr(GFile) file = NULL;
  LhReportExport *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_REPORT_EXPORT (user_data);
  if (bytes == NULL)
    {
      g_clear_pointer (&self->path, g_free);
      done (self, error);
      return;
    }
  file = g_file_new_for_path (self->path);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, written_cb, self);
}

/* In the documents folder of the kiosk's account, named for the period:
 * the same period saved again replaces its file. */
static void
save_clicked_cb (GtkButton *button, LhReportExport *self)
{
  const char *format = g_object_get_data (G_OBJECT (button), "lh-format");
  const char *folder = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *name = NULL;

  if (self->client == NULL || self->first_day == NULL || self->cancellable != NULL)
    return;
  if (folder == NULL)
    folder = g_get_home_dir ();
  /* A new kiosk account may not have its documents folder yet. */
  if (g_mkdir_with_parents (folder, 0700) != 0)
    g_message ("Could not make %s: %s", folder, g_strerror (errno));
  name = g_strdup_printf ("learnhub-site-report-%s-to-%s.%s", self->first_day, self->last_day, format);
  g_free (self->path);
  self->path = g_build_filename (folder, name, NULL);
  self->cancellable = g_cancellable_new ();
  update_buttons (self);
  lh_client_get_site_report_file_async (self->client, self->first_day, self->last_day, format,
                                        self->cancellable, fetched_cb, self);
}

static GtkWidget *
format_button (LhReportExport *self, const char *format, const char *icon, const char *label, const char *spoken)
{
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT, "icon-name", icon, "label", label,
                                      "halign", GTK_ALIGN_CENTER, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_widget_add_css_class (button, "lh-secondary");
  g_object_set_data (G_OBJECT (button), "lh-format", (gpointer) format);
  g_signal_connect_object (button, "clicked", G_CALLBACK (save_clicked_cb), self, 0);
  gtk_box_append (self->row, button);
  return button;
}

static void
lh_report_export_dispose (GObject *object)
{
  LhReportExport *self = LH_REPORT_EXPORT (object);

  lh_report_export_cancel (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lh_report_export_parent_class)->dispose (object);
}

static void
lh_report_export_finalize (GObject *object)
{
  LhReportExport *self = LH_REPORT_EXPORT (object);

  g_free (self->first_day);
  g_free (self->last_day);
  g_free (self->path);

  G_OBJECT_CLASS (lh_report_export_parent_class)->finalize (object);
}

static void
lh_report_export_class_init (LhReportExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lh_report_export_dispose;
  object_class->finalize = lh_report_export_finalize;
}

static void
lh_report_export_init (LhReportExport *self)
{
  GtkWidget *label = gtk_label_new (_("Save the report:"));

  /* The words above the buttons, not beside them: in large text a single
   * row would be wider than the kiosk's screen. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  gtk_widget_add_css_class (label, "lh-lead");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (self), label);
  self->row = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->row));
  self->buttons[0] = format_button (self, formats[0], "document-print-symbolic",
                                    /* Translators: a button: save the report as a PDF, to print and table */
                                    _("PDF to print"), _("Save the report as a PDF, to print"));
  self->buttons[1] = format_button (self, formats[1], "x-office-spreadsheet-symbolic",
                                    _("Spreadsheet (CSV)"), _("Save the report's tables for a spreadsheet, as CSV"));
  self->buttons[2] = format_button (self, formats[2], "document-save-symbolic",
                                    _("Site report (JSON)"),
                                    _("Save the standard site report for the national committee, as JSON"));
  self->online = TRUE;
  update_buttons (self);
}

GtkWidget *
lh_report_export_new (void)
{
  return g_object_new (LH_TYPE_REPORT_EXPORT, NULL);
}

void
lh_report_export_set_period (LhReportExport *self,
                             LhClient       *client,
                             const char     *first_day,
                             const char     *last_day)
{
  g_return_if_fail (LH_IS_REPORT_EXPORT (self));
  g_return_if_fail ((first_day == NULL) == (last_day == NULL));

  g_set_object (&self->client, client);
  g_free (self->first_day);
  g_free (self->last_day);
  self->first_day = g_strdup (first_day);
  self->last_day = g_strdup (last_day);
  update_buttons (self);
}

void
lh_report_export_set_online (LhReportExport *self,
                             gboolean        online)
{
  g_return_if_fail (LH_IS_REPORT_EXPORT (self));

  self->online = online;
  update_buttons (self);
}

void
lh_report_export_cancel (LhReportExport *self)
{
  g_return_if_fail (LH_IS_REPORT_EXPORT (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  update_buttons (self);
}
