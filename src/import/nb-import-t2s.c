/* nb-import-t2s.c — Traditional → Simplified for the words of a report
 *
 * A small character table, enough for the labels, headings and titles of
 * both editions and the common words of organ names and prefaces.  It was
 * produced once, at development time, with Debian's opencc 1.1.6: every
 * Han character of src/core/nb-edition.c plus a list of title and organ
 * words was converted with `opencc -c s2t`, `-c s2tw` and `-c s2hk`; each
 * Traditional form that differs from its Simplified one and converts back
 * to it with `opencc -c t2s` is listed here (衞 was left out: t2s keeps it).
 * Only opencc's output is used, none of its code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "nb-import-doc.h"

typedef struct {
  gunichar traditional;
  gunichar simplified;
} CharPair;

/* Sorted by the Traditional character. */
static const CharPair pairs[] = {
  { 0x4F86, 0x6765 }, /* 來→来 */
  { 0x500B, 0x4E2A }, /* 個→个 */
  { 0x5011, 0x4EEC }, /* 們→们 */
  { 0x5167, 0x5185 }, /* 內→内 */
  { 0x52D5, 0x52A8 }, /* 動→动 */
  { 0x52D9, 0x52A1 }, /* 務→务 */
  { 0x5340, 0x533A }, /* 區→区 */
  { 0x54E1, 0x5458 }, /* 員→员 */
  { 0x554F, 0x95EE }, /* 問→问 */
  { 0x55AE, 0x5355 }, /* 單→单 */
  { 0x570B, 0x56FD }, /* 國→国 */
  { 0x5712, 0x56ED }, /* 園→园 */
  { 0x57F7, 0x6267 }, /* 執→执 */
  { 0x5831, 0x62A5 }, /* 報→报 */
  { 0x5834, 0x573A }, /* 場→场 */
  { 0x5B78, 0x5B66 }, /* 學→学 */
  { 0x5BE6, 0x5B9E }, /* 實→实 */
  { 0x5BE9, 0x5BA1 }, /* 審→审 */
  { 0x5C0D, 0x5BF9 }, /* 對→对 */
  { 0x5C6C, 0x5C5E }, /* 屬→属 */
  { 0x5EE2, 0x5E9F }, /* 廢→废 */
  { 0x5EF3, 0x5385 }, /* 廳→厅 */
  { 0x5F37, 0x5F3A }, /* 強→强 */
  { 0x5F8C, 0x540E }, /* 後→后 */
  { 0x5F9E, 0x4ECE }, /* 從→从 */
  { 0x5FA9, 0x590D }, /* 復→复 */
  { 0x614B, 0x6001 }, /* 態→态 */
  { 0x61C9, 0x5E94 }, /* 應→应 */
  { 0x63A1, 0x91C7 }, /* 採→采 */
  { 0x64DA, 0x636E }, /* 據→据 */
  { 0x6578, 0x6570 }, /* 數→数 */
  { 0x65BC, 0x4E8E }, /* 於→于 */
  { 0x6642, 0x65F6 }, /* 時→时 */
  { 0x6703, 0x4F1A }, /* 會→会 */
  { 0x689D, 0x6761 }, /* 條→条 */
  { 0x696D, 0x4E1A }, /* 業→业 */
  { 0x69CB, 0x6784 }, /* 構→构 */
  { 0x6A5F, 0x673A }, /* 機→机 */
  { 0x6B0A, 0x6743 }, /* 權→权 */
  { 0x6C7A, 0x51B3 }, /* 決→决 */
  { 0x6C92, 0x6CA1 }, /* 沒→没 */
  { 0x6CC1, 0x51B5 }, /* 況→况 */
  { 0x6E1B, 0x51CF }, /* 減→减 */
  { 0x6FDF, 0x6D4E }, /* 濟→济 */
  { 0x70BA, 0x4E3A }, /* 為→为 */
  { 0x7121, 0x65E0 }, /* 無→无 */
  { 0x7232, 0x4E3A }, /* 爲→为 */
  { 0x7372, 0x83B7 }, /* 獲→获 */
  { 0x73FE, 0x73B0 }, /* 現→现 */
  { 0x74B0, 0x73AF }, /* 環→环 */
  { 0x7576, 0x5F53 }, /* 當→当 */
  { 0x7642, 0x7597 }, /* 療→疗 */
  { 0x767C, 0x53D1 }, /* 發→发 */
  { 0x76E3, 0x76D1 }, /* 監→监 */
  { 0x78BA, 0x786E }, /* 確→确 */
  { 0x7955, 0x79D8 }, /* 祕→秘 */
  { 0x7A05, 0x7A0E }, /* 稅→税 */
  { 0x7A69, 0x7A33 }, /* 穩→稳 */
  { 0x7BC4, 0x8303 }, /* 範→范 */
  { 0x7CFE, 0x7EA0 }, /* 糾→纠 */
  { 0x7D0D, 0x7EB3 }, /* 納→纳 */
  { 0x7D44, 0x7EC4 }, /* 組→组 */
  { 0x7D50, 0x7ED3 }, /* 結→结 */
  { 0x7D71, 0x7EDF }, /* 統→统 */
  { 0x7D93, 0x7ECF }, /* 經→经 */
  { 0x7D9C, 0x7EFC }, /* 綜→综 */
  { 0x7DAD, 0x7EF4 }, /* 維→维 */
  { 0x7DB2, 0x7F51 }, /* 網→网 */
  { 0x7DE8, 0x7F16 }, /* 編→编 */
  { 0x7E23, 0x53BF }, /* 縣→县 */
  { 0x7E3D, 0x603B }, /* 總→总 */
  { 0x7E54, 0x7EC7 }, /* 織→织 */
  { 0x7E73, 0x7F34 }, /* 繳→缴 */
  { 0x7E7C, 0x7EE7 }, /* 繼→继 */
  { 0x7E8C, 0x7EED }, /* 續→续 */
  { 0x7F70, 0x7F5A }, /* 罰→罚 */
  { 0x806F, 0x8054 }, /* 聯→联 */
  { 0x8207, 0x4E0E }, /* 與→与 */
  { 0x8209, 0x4E3E }, /* 舉→举 */
  { 0x842C, 0x4E07 }, /* 萬→万 */
  { 0x8655, 0x5904 }, /* 處→处 */
  { 0x865F, 0x53F7 }, /* 號→号 */
  { 0x8853, 0x672F }, /* 術→术 */
  { 0x885B, 0x536B }, /* 衛→卫 */
  { 0x88DC, 0x8865 }, /* 補→补 */
  { 0x898F, 0x89C4 }, /* 規→规 */
  { 0x8A08, 0x8BA1 }, /* 計→计 */
  { 0x8A1F, 0x8BBC }, /* 訟→讼 */
  { 0x8A2A, 0x8BBF }, /* 訪→访 */
  { 0x8A2D, 0x8BBE }, /* 設→设 */
  { 0x8A31, 0x8BB8 }, /* 許→许 */
  { 0x8A34, 0x8BC9 }, /* 訴→诉 */
  { 0x8A62, 0x8BE2 }, /* 詢→询 */
  { 0x8A71, 0x8BDD }, /* 話→话 */
  { 0x8A8D, 0x8BA4 }, /* 認→认 */
  { 0x8ACB, 0x8BF7 }, /* 請→请 */
  { 0x8B70, 0x8BAE }, /* 議→议 */
  { 0x8B77, 0x62A4 }, /* 護→护 */
  { 0x8CA1, 0x8D22 }, /* 財→财 */
  { 0x8CBB, 0x8D39 }, /* 費→费 */
  { 0x8CC7, 0x8D44 }, /* 資→资 */
  { 0x8CFC, 0x8D2D }, /* 購→购 */
  { 0x8F38, 0x8F93 }, /* 輸→输 */
  { 0x8F49, 0x8F6C }, /* 轉→转 */
  { 0x8FA6, 0x529E }, /* 辦→办 */
  { 0x8FB2, 0x519C }, /* 農→农 */
  { 0x9019, 0x8FD9 }, /* 這→这 */
  { 0x9032, 0x8FDB }, /* 進→进 */
  { 0x904A, 0x6E38 }, /* 遊→游 */
  { 0x904B, 0x8FD0 }, /* 運→运 */
  { 0x904E, 0x8FC7 }, /* 過→过 */
  { 0x90F5, 0x90AE }, /* 郵→邮 */
  { 0x9109, 0x4E61 }, /* 鄉→乡 */
  { 0x91AB, 0x533B }, /* 醫→医 */
  { 0x93AE, 0x9547 }, /* 鎮→镇 */
  { 0x958B, 0x5F00 }, /* 開→开 */
  { 0x95DC, 0x5173 }, /* 關→关 */
  { 0x96FB, 0x7535 }, /* 電→电 */
  { 0x9805, 0x9879 }, /* 項→项 */
  { 0x984C, 0x9898 }, /* 題→题 */
  { 0x984D, 0x989D }, /* 額→额 */
  { 0x985E, 0x7C7B }, /* 類→类 */
  { 0x9AD4, 0x4F53 }, /* 體→体 */
};

static int
compare_pair (const void *key,
              const void *element)
{
  gunichar c = *(const gunichar *) key;
  const CharPair *pair = element;

  return c < pair->traditional ? -1 : c > pair->traditional ? 1 : 0;
}

/**
 * nb_import_to_simplified:
 * @n_converted: (out): how many characters were replaced
 *
 * Returns: (transfer full): @text with the Traditional characters of the
 *   table replaced by their Simplified forms
 */
char *
nb_import_to_simplified (const char *text,
                         guint      *n_converted)
{
  GString *out = g_string_sized_new (strlen (text));
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const CharPair *pair = NULL;

      if (c >= 0x4E00)
        pair = bsearch (&c, pairs, G_N_ELEMENTS (pairs), sizeof pairs[0], compare_pair);
      if (pair != NULL)
        {
          c = pair->simplified;
          n++;
        }
      g_string_append_unichar (out, c);
    }
  *n_converted = n;
  return g_string_free (out, FALSE);
}
