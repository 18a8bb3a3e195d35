/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl national-report: the sites' standard reports (JSON files
 * sent by each centre) added up into the national report. Needs no
 * database. Every file is read before anything is written, so a broken
 * one leaves the output as it was. */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include "lh-error.h"
#include "lh-report-json.h"
#include "lh-report-merge.h"

#define USAGE "national-report --format pdf|csv|json --output PATH SITE.json…"

static LhReport *
read_site (const char *path, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  LhReport *report;

  if (!json_parser_load_from_mapped_file (parser, path, &local_error) ||
      (report = lh_report_from_json (json_parser_get_root (parser), &local_error)) == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s: %s", path, local_error->message);
      return NULL;
    }
  return report;
}

gboolean
lh_ctl_national_report (Ctl *ctl, LhStore *store, GError **error)
{
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_report_free);
  g_autoptr(LhReport) national = NULL;

  (void) store;
  if (ctl->args[0] == NULL || ctl->output == NULL || ctl->format == NULL)
    return lh_ctl_usage_error (error, USAGE);
  if (!g_str_equal (ctl->format, "pdf") && !g_str_equal (ctl->format, "csv") && !g_str_equal (ctl->format, "json"))
    return lh_ctl_usage_error (error, USAGE);

  for (guint i = 0; ctl->args[i] != NULL; i++)
    {
      LhReport *site = read_site (ctl->args[i], error);

      if (site == NULL)
        return FALSE;
      g_ptr_array_add (sites, site);
    }
  national = lh_report_merge_sites (sites, error);
  return national != NULL && lh_ctl_write_report (ctl, national, error);
}
