/* No livepatch code here: the wrapper must not parse it. */
int plain(int x)
{
	return x + 1;
}
// SPDX-License-Identifier: GPL-2.0-only
