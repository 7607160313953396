/* No livepatch code here: the wrapper must not parse it. */
int plain(int x)
{
	return x + 1;
}
