/* The ids the two files of the livepatch share. */
#define SV_FLOW 0x140
