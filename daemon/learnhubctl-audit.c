/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl audit: who changed what, and when, over a period. */
#define G_LOG_DOMAIN "learnhubctl"

#include <glib/gi18n.h>

#include "learnhubctl.h"
#include "lh-audit.h"
#include "lh-error.h"
#include "lh-time.h"

/* By default the last 30 days, like the admins' page; 366 at most. */
#define AUDIT_DEFAULT_DAYS 30
#define AUDIT_MAX_DAYS 366

/* "Sue Bennett (ulr)", "learnhubctl (root)", "person 12 (admin)" for one
 * no longer on the roster. */
static char *
who (const LhAuditEntry *entry)
{
  g_auto(GStrv) roles = lh_roles_to_strv (entry->actor_roles);
  g_autofree char *joined = g_strjoinv (",", roles);

  if (entry->actor_id == 0)
    return g_strdup_printf ("learnhubctl (%s)", entry->program_user != NULL ? entry->program_user : "?");
  if (entry->actor_name == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entry->actor_id);

      /* TRANSLATORS: someone no longer on the roster: their number and roles. */
      return g_strdup_printf (_("person %s (%s)"), id, joined);
    }
  return g_strdup_printf ("%s (%s)", entry->actor_name, joined);
}

gboolean
lh_ctl_audit (Ctl *ctl, LhStore *store, GError **error)
{
  GTimeZone *tz = ctl->config->centre->tz;
  gint64 from, to, after = 0;
  guint shown = 0;

  if (ctl->args[0] != NULL)
    return lh_ctl_usage_error (error, "audit [--from YYYY-MM-DD] [--to YYYY-MM-DD]");
  if (!lh_ctl_parse_period (ctl, lh_time_now (), AUDIT_DEFAULT_DAYS, AUDIT_MAX_DAYS, &from, &to, error))
    return FALSE;
  /* A page at a time, so that a long log is never all in memory. */
  for (;;)
    {
      g_autoptr(GPtrArray) page = lh_audit_list (store, from, to, after, LH_AUDIT_PAGE_MAX, error);

      if (page == NULL)
        return FALSE;
      for (guint i = 0; i < MIN (page->len, LH_AUDIT_PAGE_MAX); i++)
        {
          const LhAuditEntry *entry = g_ptr_array_index (page, i);
          g_autofree char *at = lh_time_format_iso (entry->at, tz);
          g_autofree char *by = who (entry);

          if (entry->subject_id != 0)
            g_print ("%s  %s  %s  #%" G_GINT64_FORMAT "\n", at, by, entry->action, entry->subject_id);
          else
            g_print ("%s  %s  %s\n", at, by, entry->action);
          after = entry->id;
          shown++;
        }
      if (page->len <= LH_AUDIT_PAGE_MAX)
        break;
    }
  if (shown == 0)
    g_print ("%s\n", _("No changes were recorded in that period."));
  return TRUE;
}
