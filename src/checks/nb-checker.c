/* nb-checker.c — keeps a report's findings up to date
 *
 * The rules are those of report-formats.md §5 plus a few of our own
 * (docs/rules.md lists them all).  Checking happens in groups — one per
 * table, one for the texts, one for the report's identity — and a change
 * re-checks only the groups it can affect.  A check first produces plain
 * records (rule, place, numbers) without allocating; only records that
 * differ from the previous check become NbFinding objects with a message,
 * so an edit that fixes nothing and breaks nothing costs no allocation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-checker"

#include "config.h"

#include <string.h>

#include "nb-checker.h"
#include "nb-previous-link.h"
#include "nb-rules.h"

typedef struct {
  GArray *records;    /* of NbRecord */
  guint   position;   /* of its first finding in the findings store */
} Group;

struct _NbChecker
{
  GObject      parent_instance;

  NbReport    *report;
  NbReport    *previous;
  GListStore  *findings;
  Group       *groups;          /* NB_RULES_N_GROUPS (report) of them */
  guint        n_groups;
  GArray      *scratch;
  GHashTable  *cell_severity;   /* address → worst NbSeverity + 1; NULL when stale */
  NbTextFigures *text_figures;  /* what section 一 states; NULL when stale */
};

G_DEFINE_FINAL_TYPE (NbChecker, nb_checker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_PREVIOUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Last year's report: the one given, or else the figures the report's
 * file keeps of it (NbPreviousLink). */
static NbReport *
effective_previous (NbChecker *self)
{
  NbPreviousLink *link;

  if (self->previous != NULL)
    return self->previous;
  link = nb_report_get_previous_link (self->report);
  return link != NULL ? nb_previous_link_get_figures (link) : NULL;
}

static gboolean
same_records (GArray *a,
              GArray *b)
{
  /* an empty GArray's data may be NULL, which memcmp() must not get */
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (NbRecord)) == 0);
}

/* Replaces the findings of one group by those of @fresh, keeping the
 * objects of unchanged leading and trailing records. */
static void
publish_group (NbChecker *self,
               guint      group_index,
               GArray    *fresh)
{
  Group *group = &self->groups[group_index];
  GArray *old = group->records;
  guint old_len = old->len, head = 0, tail = 0, n_added, n_removed;
  g_autoptr(GPtrArray) added = NULL;

  if (same_records (old, fresh))
    return;

  while (head < old_len && head < fresh->len &&
         memcmp (&g_array_index (old, NbRecord, head),
                 &g_array_index (fresh, NbRecord, head), sizeof (NbRecord)) == 0)
    head++;
  while (tail < old_len - head && tail < fresh->len - head &&
         memcmp (&g_array_index (old, NbRecord, old_len - 1 - tail),
                 &g_array_index (fresh, NbRecord, fresh->len - 1 - tail),
                 sizeof (NbRecord)) == 0)
    tail++;

  n_added = fresh->len - head - tail;
  n_removed = old_len - head - tail;
  added = g_ptr_array_new_full (n_added, g_object_unref);
  for (guint i = head; i < head + n_added; i++)
    g_ptr_array_add (added, nb_rules_describe (self->report, effective_previous (self),
                                               &g_array_index (fresh, NbRecord, i)));

  /* Bring the records up to date before the store tells its listeners,
   * who may ask for counts. */
  g_array_set_size (old, 0);
  g_array_append_vals (old, fresh->data, fresh->len);
  for (guint i = group_index + 1; i < self->n_groups; i++)
    self->groups[i].position = self->groups[i].position + fresh->len - old_len;
  g_clear_pointer (&self->cell_severity, g_hash_table_unref);

  g_list_store_splice (self->findings, group->position + head, n_removed,
                       added->pdata, n_added);
}

static void
check_group (NbChecker *self,
             guint      group_index)
{
  if (self->text_figures == NULL)
    self->text_figures = nb_rules_read_text_figures (self->report);
  g_array_set_size (self->scratch, 0);
  nb_rules_check_group (self->report, effective_previous (self), self->text_figures,
                        group_index, self->scratch);
  publish_group (self, group_index, self->scratch);
}

static void
check_all (NbChecker *self)
{
  for (guint i = 0; i < self->n_groups; i++)
    check_group (self, i);
}

static void
report_table_changed_cb (NbReport  *report,
                         NbTable   *table,
                         NbChecker *self)
{
  guint n_tables = nb_report_get_n_tables (report);

  for (guint i = 0; i < n_tables; i++)
    if (nb_report_get_table_at (report, i) == table)
      {
        check_group (self, nb_rules_table_group (i));
        break;
      }
  /* T1, T2 compare section 一 with tables 三 and 四 */
  if (nb_table_get_def (table)->section >= 3)
    check_group (self, nb_rules_text_tables_group (report));
}

/* Text rules, and the table rules that read a text (R8 in section 三). */
static void
report_text_changed_cb (NbReport  *report,
                        guint      section,
                        NbChecker *self)
{
  guint n_tables = nb_report_get_n_tables (report);

  check_group (self, nb_rules_texts_group (report));
  if (section == NB_TEXT_OVERVIEW)
    {
      g_clear_pointer (&self->text_figures, nb_text_figures_free);
      check_group (self, nb_rules_text_tables_group (report));
    }
  for (guint i = 0; i < n_tables; i++)
    if (nb_table_get_def (nb_report_get_table_at (report, i))->section == 3)
      check_group (self, nb_rules_table_group (i));
}

static void
report_notify_cb (NbReport   *report,
                  GParamSpec *pspec,
                  NbChecker  *self)
{
  if (g_strcmp0 (pspec->name, "previous-link") == 0)
    {
      if (self->previous == NULL)
        check_all (self);
      return;
    }
  check_group (self, NB_RULES_GROUP_IDENTITY);
}

static void
nb_checker_constructed (GObject *object)
{
  NbChecker *self = (NbChecker *) object;

  G_OBJECT_CLASS (nb_checker_parent_class)->constructed (object);

  self->n_groups = nb_rules_n_groups (self->report);
  self->groups = g_new0 (Group, self->n_groups);
  for (guint i = 0; i < self->n_groups; i++)
    self->groups[i].records = g_array_new (FALSE, FALSE, sizeof (NbRecord));

  g_signal_connect_object (self->report, "table-changed",
                           G_CALLBACK (report_table_changed_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->report, "text-changed",
                           G_CALLBACK (report_text_changed_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->report, "notify",
                           G_CALLBACK (report_notify_cb), self, G_CONNECT_DEFAULT);
  check_all (self);
}

static void
nb_checker_dispose (GObject *object)
{
  NbChecker *self = (NbChecker *) object;

  g_clear_object (&self->report);
  g_clear_object (&self->previous);

  G_OBJECT_CLASS (nb_checker_parent_class)->dispose (object);
}

static void
nb_checker_finalize (GObject *object)
{
  NbChecker *self = (NbChecker *) object;

  for (guint i = 0; i < self->n_groups; i++)
    g_array_unref (self->groups[i].records);
  g_free (self->groups);
  g_array_unref (self->scratch);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->cell_severity, g_hash_table_unref);
  g_clear_pointer (&self->text_figures, nb_text_figures_free);

  G_OBJECT_CLASS (nb_checker_parent_class)->finalize (object);
}

static void
nb_checker_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NbChecker *self = NB_CHECKER (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_PREVIOUS:
      g_value_set_object (value, self->previous);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_checker_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NbChecker *self = NB_CHECKER (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      self->report = g_value_dup_object (value);
      break;
    case PROP_PREVIOUS:
      nb_checker_set_previous (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_checker_class_init (NbCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nb_checker_constructed;
  object_class->dispose = nb_checker_dispose;
  object_class->finalize = nb_checker_finalize;
  object_class->get_property = nb_checker_get_property;
  object_class->set_property = nb_checker_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, NB_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * NbChecker:previous:
   * Last year's report, for the cross-year rules (X1–X6); %NULL for none,
   * and then the figures of the report's #NbReport:previous-link, if any,
   * stand for it.
   */
  properties[PROP_PREVIOUS] =
    g_param_spec_object ("previous", NULL, NULL, NB_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_checker_init (NbChecker *self)
{
  self->findings = g_list_store_new (NB_TYPE_FINDING);
  self->scratch = g_array_new (FALSE, FALSE, sizeof (NbRecord));
}

/**
 * nb_checker_new:
 * Returns: (transfer full): a checker whose findings follow every change
 *   of @report from now on
 */
NbChecker *
nb_checker_new (NbReport *report)
{
  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  return g_object_new (NB_TYPE_CHECKER, "report", report, NULL);
}

NbReport *
nb_checker_get_report (NbChecker *self)
{
  g_return_val_if_fail (NB_IS_CHECKER (self), NULL);
  return self->report;
}

NbReport *
nb_checker_get_previous (NbChecker *self)
{
  g_return_val_if_fail (NB_IS_CHECKER (self), NULL);
  return self->previous;
}

/**
 * nb_checker_set_previous:
 * @previous: (nullable): last year's report
 */
void
nb_checker_set_previous (NbChecker *self,
                         NbReport  *previous)
{
  g_return_if_fail (NB_IS_CHECKER (self));
  g_return_if_fail (previous == NULL || NB_IS_REPORT (previous));

  if (!g_set_object (&self->previous, previous))
    return;
  if (self->groups != NULL)
    check_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIOUS]);
}

/**
 * nb_checker_get_findings:
 * Returns: (transfer none): a list of #NbFinding, in the order of the
 *   report; it changes as the report does
 */
GListModel *
nb_checker_get_findings (NbChecker *self)
{
  g_return_val_if_fail (NB_IS_CHECKER (self), NULL);
  return G_LIST_MODEL (self->findings);
}

/**
 * nb_checker_count:
 * @section: a report section 1–6, 0 for 基本信息, or -1 for all
 *
 * Returns: how many findings of @severity there are in @section
 */
guint
nb_checker_count (NbChecker  *self,
                  NbSeverity  severity,
                  int         section)
{
  guint count = 0;

  g_return_val_if_fail (NB_IS_CHECKER (self), 0);

  for (guint g = 0; g < self->n_groups; g++)
    {
      GArray *records = self->groups[g].records;

      for (guint i = 0; i < records->len; i++)
        {
          const NbRecord *record = &g_array_index (records, NbRecord, i);

          if (nb_rules_severity (record) == severity &&
              (section < 0 || nb_rules_section (record) == (guint) section))
            count++;
        }
    }
  return count;
}

static GHashTable *
index_cell_severities (NbChecker *self)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);
      guint rank = nb_finding_get_severity (finding) + 1;

      for (const char * const *cell = nb_finding_get_cells (finding); *cell; cell++)
        {
          guint known = GPOINTER_TO_UINT (g_hash_table_lookup (index, *cell));
          if (known == 0 || rank < known)
            g_hash_table_insert (index, g_strdup (*cell), GUINT_TO_POINTER (rank));
        }
    }
  return index;
}

/**
 * nb_checker_get_cell_severity:
 * @address: a cell address `table.row.column`
 * @severity: (out): the worst severity of the findings naming the cell
 *
 * Returns: whether any finding names the cell
 */
gboolean
nb_checker_get_cell_severity (NbChecker  *self,
                              const char *address,
                              NbSeverity *severity)
{
  guint rank;

  g_return_val_if_fail (NB_IS_CHECKER (self), FALSE);

  if (self->cell_severity == NULL)
    self->cell_severity = index_cell_severities (self);

  rank = GPOINTER_TO_UINT (g_hash_table_lookup (self->cell_severity, address));
  if (rank == 0)
    return FALSE;
  *severity = rank - 1;
  return TRUE;
}

/**
 * nb_checker_refresh:
 * Checks the whole report again.  Never needed for changes made through
 * the report's API; useful to measure a full check.
 */
void
nb_checker_refresh (NbChecker *self)
{
  g_return_if_fail (NB_IS_CHECKER (self));
  g_clear_pointer (&self->text_figures, nb_text_figures_free);
  check_all (self);
}
