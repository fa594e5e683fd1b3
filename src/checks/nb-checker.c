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

#include <glib/gi18n-lib.h>

#include "nb-checker.h"
#include "nb-previous-link.h"
#include "nb-rules.h"
#include "nb-text.h"

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
  GHashTable  *acknowledged;    /* NbFinding → a copy of the NbAcknowledgement that applies */
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

/* ---- Acknowledged warnings (已核实) ----------------------------------------- */

/* What a cell holds now, as an acknowledgement records it; NULL when
 * the report has no such cell. */
static char *
cell_text (NbReport   *report,
           const char *address)
{
  NbTable *table;
  guint row, column;

  if (!nb_report_find_cell (report, address, &table, &row, &column))
    return NULL;
  return nb_table_format_cell (table, row, column);
}

/* Whether @ack covers @finding: a warning of the same rule naming the
 * same cells, reading the same (the message quotes the passage and the
 * numbers), and each cell holding the value it held when acknowledged.
 * Anything else is a new problem, which it must not hide. */
static gboolean
ack_applies (NbReport                *report,
             const NbAcknowledgement *ack,
             NbFinding               *finding)
{
  const char * const *cells = nb_finding_get_cells (finding);

  if (nb_finding_get_severity (finding) != NB_SEVERITY_WARNING ||
      !nb_acknowledgement_same_place (ack, nb_finding_get_rule (finding), cells) ||
      !g_str_equal (ack->message, nb_finding_get_message (finding)))
    return FALSE;
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *now = cell_text (report, cells[i]);

      if (now == NULL || ack->values[i] == NULL || !g_str_equal (now, ack->values[i]))
        return FALSE;
    }
  return TRUE;
}

static const NbAcknowledgement *
find_ack (NbChecker *self,
          NbFinding *finding)
{
  GPtrArray *acks = nb_report_get_acknowledgements (self->report);

  for (guint i = 0; i < acks->len; i++)
    if (ack_applies (self->report, g_ptr_array_index (acks, i), finding))
      return g_ptr_array_index (acks, i);
  return NULL;
}

/* Works out again which findings are acknowledged, and tells the
 * findings' listeners of each one that changed, as if it were replaced:
 * a row shows it, the counts follow. */
static void
update_acknowledged (NbChecker *self)
{
  GListModel *findings = G_LIST_MODEL (self->findings);
  g_autoptr(GHashTable) old = g_steal_pointer (&self->acknowledged);
  guint n = g_list_model_get_n_items (findings);

  self->acknowledged = g_hash_table_new_full (NULL, NULL, g_object_unref,
                                              (GDestroyNotify) nb_acknowledgement_free);
  if (nb_report_get_acknowledgements (self->report)->len == 0 &&
      (old == NULL || g_hash_table_size (old) == 0))
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
      const NbAcknowledgement *ack = find_ack (self, finding);

      if (ack != NULL)
        g_hash_table_insert (self->acknowledged, g_object_ref (finding),
                             nb_acknowledgement_copy (ack));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
      const NbAcknowledgement *was = old != NULL ? g_hash_table_lookup (old, finding) : NULL;
      const NbAcknowledgement *is = g_hash_table_lookup (self->acknowledged, finding);

      if ((was == NULL) != (is == NULL) ||
          (was != NULL && !nb_acknowledgement_equal (was, is)))
        g_list_model_items_changed (findings, i, 1, 1);
    }
}

static void
report_acknowledgements_changed_cb (NbReport  *report,
                                    NbChecker *self)
{
  update_acknowledged (self);
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
  update_acknowledged (self);
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
  /* M5 holds the texts' 统计期限 against the year, M6 the organ they name
   * against the organ */
  if (g_strcmp0 (pspec->name, "year") == 0 || g_strcmp0 (pspec->name, "organ") == 0)
    check_group (self, nb_rules_texts_group (report));
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
  g_signal_connect_object (self->report, "acknowledgements-changed",
                           G_CALLBACK (report_acknowledgements_changed_cb), self,
                           G_CONNECT_DEFAULT);
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
  g_clear_pointer (&self->acknowledged, g_hash_table_unref);

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
 * Returns: how many findings of @severity there are in @section; an
 *   acknowledged warning (已核实) is not counted as a warning
 *   (nb_checker_count_acknowledged())
 */
static gboolean
is_acknowledged_at (NbChecker *self,
                    guint      position)
{
  g_autoptr(NbFinding) finding = NULL;

  if (self->acknowledged == NULL || g_hash_table_size (self->acknowledged) == 0)
    return FALSE;
  finding = g_list_model_get_item (G_LIST_MODEL (self->findings), position);
  return finding != NULL && g_hash_table_contains (self->acknowledged, finding);
}

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
              (section < 0 || nb_rules_section (record) == (guint) section) &&
              !(severity == NB_SEVERITY_WARNING &&
                is_acknowledged_at (self, self->groups[g].position + i)))
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

/* ---- Acknowledged warnings: the API ---------------------------------------- */

/**
 * nb_checker_get_acknowledgement:
 * Returns: (transfer none) (nullable): the acknowledgement (已核实) that
 *   covers @finding, or %NULL when it is an open finding
 */
const NbAcknowledgement *
nb_checker_get_acknowledgement (NbChecker *self,
                                NbFinding *finding)
{
  g_return_val_if_fail (NB_IS_CHECKER (self), NULL);
  g_return_val_if_fail (NB_IS_FINDING (finding), NULL);

  if (self->acknowledged == NULL)
    return NULL;
  return g_hash_table_lookup (self->acknowledged, finding);
}

/**
 * nb_checker_count_acknowledged:
 * @section: a report section 1–6, 0 for 基本信息, or -1 for all
 *
 * Returns: how many warnings of @section are acknowledged
 */
guint
nb_checker_count_acknowledged (NbChecker *self,
                               int        section)
{
  GHashTableIter iter;
  gpointer finding;
  guint count = 0;

  g_return_val_if_fail (NB_IS_CHECKER (self), 0);

  if (self->acknowledged == NULL)
    return 0;
  g_hash_table_iter_init (&iter, self->acknowledged);
  while (g_hash_table_iter_next (&iter, &finding, NULL))
    if (section < 0 || nb_finding_get_section (finding) == (guint) section)
      count++;
  return count;
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Drops the acknowledgements of @finding's rule at its cells that no
 * longer apply: the new one replaces them. */
static void
drop_void_acks (NbChecker *self,
                NbFinding *finding,
                GPtrArray *acks)
{
  for (guint i = acks->len; i > 0; i--)
    {
      const NbAcknowledgement *ack = g_ptr_array_index (acks, i - 1);

      if (nb_acknowledgement_same_place (ack, nb_finding_get_rule (finding),
                                         nb_finding_get_cells (finding)))
        g_ptr_array_remove_index (acks, i - 1);
    }
}

/**
 * nb_checker_acknowledge:
 * @finding: a warning among the checker's findings
 * @reason: why the warning needs no change
 * @date: (nullable): the day, `YYYY-MM-DD`; %NULL for today
 *
 * Marks a warning 已核实: it stays a finding, shown with @reason, but is
 * no longer counted as an open warning, until a cell it names changes
 * value or its text changes.  Errors and notes cannot be acknowledged,
 * nor can anything in a finalized report (解除定稿 first).  One undoable
 * step.
 *
 * Returns: whether it was acknowledged
 */
gboolean
nb_checker_acknowledge (NbChecker   *self,
                        NbFinding   *finding,
                        const char  *reason,
                        const char  *date,
                        GError     **error)
{
  const char * const *cells;
  g_autoptr(GStrvBuilder) values = NULL;
  g_auto(GStrv) value_strv = NULL;
  g_autofree char *day = NULL;
  g_autofree char *stripped = NULL;
  g_autoptr(GPtrArray) acks = NULL;
  GPtrArray *now;

  g_return_val_if_fail (NB_IS_CHECKER (self), FALSE);
  g_return_val_if_fail (NB_IS_FINDING (finding), FALSE);

  if (nb_finding_get_severity (finding) != NB_SEVERITY_WARNING)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only a warning can be marked as verified; an error must be corrected"));
      return FALSE;
    }
  stripped = nb_text_strip (reason != NULL ? reason : "");
  if (*stripped == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Say why the warning needs no change"));
      return FALSE;
    }
  if (nb_report_get_finalized (self->report))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("The report is finalized; unfinalize it before marking a warning as verified"));
      return FALSE;
    }

  cells = nb_finding_get_cells (finding);
  values = g_strv_builder_new ();
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *text = cell_text (self->report, cells[i]);

      g_strv_builder_add (values, text != NULL ? text : "");
    }
  value_strv = g_strv_builder_end (values);
  day = date != NULL ? g_strdup (date) : today ();

  now = nb_report_get_acknowledgements (self->report);
  acks = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_acknowledgement_free);
  for (guint i = 0; i < now->len; i++)
    g_ptr_array_add (acks, nb_acknowledgement_copy (g_ptr_array_index (now, i)));
  drop_void_acks (self, finding, acks);
  g_ptr_array_add (acks, nb_acknowledgement_new (nb_finding_get_rule (finding), cells,
                                                 (const char * const *) value_strv,
                                                 nb_finding_get_message (finding),
                                                 stripped, day));
  nb_report_set_acknowledgements (self->report, acks);
  return TRUE;
}

/**
 * nb_checker_withdraw:
 * Withdraws the acknowledgement that covers @finding (an undoable step).
 *
 * Returns: whether there was one
 */
gboolean
nb_checker_withdraw (NbChecker *self,
                     NbFinding *finding)
{
  GPtrArray *acks;

  g_return_val_if_fail (NB_IS_CHECKER (self), FALSE);
  g_return_val_if_fail (NB_IS_FINDING (finding), FALSE);

  acks = nb_report_get_acknowledgements (self->report);
  for (guint i = 0; i < acks->len; i++)
    if (ack_applies (self->report, g_ptr_array_index (acks, i), finding))
      {
        nb_report_remove_acknowledgement (self->report, i);
        return TRUE;
      }
  return FALSE;
}

/**
 * nb_checker_get_void_acknowledgements:
 * Returns: (transfer container) (element-type NbAcknowledgement): the
 *   report's acknowledgements that cover no finding now — a cell they
 *   name changed, the warning reads otherwise or is gone — which
 *   therefore no longer apply
 */
GPtrArray *
nb_checker_get_void_acknowledgements (NbChecker *self)
{
  GPtrArray *acks, *result = g_ptr_array_new ();
  GListModel *findings;
  guint n;

  g_return_val_if_fail (NB_IS_CHECKER (self), result);

  acks = nb_report_get_acknowledgements (self->report);
  findings = G_LIST_MODEL (self->findings);
  n = g_list_model_get_n_items (findings);
  for (guint a = 0; a < acks->len; a++)
    {
      const NbAcknowledgement *ack = g_ptr_array_index (acks, a);
      gboolean used = FALSE;

      for (guint i = 0; i < n && !used; i++)
        {
          g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
          used = ack_applies (self->report, ack, finding);
        }
      if (!used)
        g_ptr_array_add (result, (gpointer) ack);
    }
  return result;
}

/**
 * nb_checker_get_check_list:
 *
 * The check list a draft prints at its end: one line per error and per
 * warning, in the report's order, an acknowledged warning labelled
 * 已核实 with its reason (shown, never left out).  Chinese whatever the
 * interface language: it is part of the printed document.
 *
 * Returns: (transfer full): the lines, empty when nothing was found
 */
char **
nb_checker_get_check_list (NbChecker *self)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  GListModel *findings;
  guint n;

  g_return_val_if_fail (NB_IS_CHECKER (self), NULL);

  findings = G_LIST_MODEL (self->findings);
  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
      NbSeverity severity = nb_finding_get_severity (finding);
      const NbAcknowledgement *ack = nb_checker_get_acknowledgement (self, finding);
      g_autofree char *line = NULL;

      if (severity == NB_SEVERITY_INFO)
        continue;
      if (ack != NULL)
        line = g_strdup_printf ("警告 %s（已核实）：%s　已核实：%s（%s）",
                                nb_finding_get_rule (finding), nb_finding_get_message (finding),
                                ack->reason, ack->date);
      else
        line = g_strdup_printf ("%s %s：%s", severity == NB_SEVERITY_ERROR ? "错误" : "警告",
                                nb_finding_get_rule (finding), nb_finding_get_message (finding));
      g_strv_builder_add (lines, line);
    }
  return g_strv_builder_end (lines);
}
