// Command sarcasmscorer trains the sarcasm rule's learnt scorer on our own
// labelled sets and measures it.
//
//	go run ./bench/sarcasmscorer -write            # train on the listed sets, write rules/data/sarcasm_scorer.<lang>.bin
//	go run ./bench/sarcasmscorer -heldout          # leave one set out: train on the others, score it
//	go run ./bench/sarcasmscorer -measure FILE     # frames, scorer and both on a labelled corpus
//	go run ./bench/sarcasmscorer -heldout -operate DIR -model net   # an experiment: a hidden-layer network (or fm) where it would ship
//	go run ./bench/sarcasmscorer -heldout -sets first,second        # an experiment: train on these sets only, score the rest with them
//
// The sets are every folder of testdata/quality, listed in sets (the
// eleventh set and dev12 joined the 27 as development data, then the
// twelfth and dev13, then the thirteenth, then dev14 and the fourteenth,
// then dev15 and the fifteenth: 36, then dev16, sarcasm16, the sixteenth,
// dev17, sarcasm17 and the seventeenth: 42),
// each read as <lang>.jsonl; a message labelled sarcasm is a positive,
// every other message a negative. A test fails when a folder is missing
// from the list, unless notTrainedYet names it.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"

	"gopkg.in/yaml.v3"

	"github.com/msglint/msglint/internal/logreg"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/rules"
)

// sets are the training sets, by name: a folder under testdata/quality.
var sets = []struct{ name, dir string }{{"first", ""}, {"second", "second"}, {"third", "third"}, {"dev4", "dev4"}, {"fourth", "fourth"}, {"dev5", "dev5"}, {"fifth", "fifth"}, {"dev6", "dev6"}, {"sarcasm6", "sarcasm6"}, {"sarcasm7", "sarcasm7"}, {"sarcasm8", "sarcasm8"}, {"sincere8", "sincere8"}, {"sixth", "sixth"}, {"dev7", "dev7"}, {"sarcasm9", "sarcasm9"}, {"sarcasm10", "sarcasm10"}, {"sarcasm11", "sarcasm11"},
	{"seventh", "seventh"}, {"eighth", "eighth"}, {"dev8", "dev8"}, {"ninth", "ninth"}, {"dev9", "dev9"}, {"sarcasm12", "sarcasm12"}, {"dev10", "dev10"},
	{"tenth", "tenth"}, {"sarcasm13", "sarcasm13"}, {"dev11", "dev11"}, {"eleventh", "eleventh"}, {"dev12", "dev12"},
	{"twelfth", "twelfth"}, {"dev13", "dev13"}, {"thirteenth", "thirteenth"}, {"dev14", "dev14"}, {"fourteenth", "fourteenth"},
	{"dev15", "dev15"}, {"fifteenth", "fifteenth"},
	{"dev16", "dev16"}, {"sarcasm16", "sarcasm16"}, {"sixteenth", "sixteenth"}, {"dev17", "dev17"}, {"sarcasm17", "sarcasm17"}, {"seventeenth", "seventeenth"}}

// notTrainedYet are folders of testdata/quality the shipped weights have
// not read: a round's blind set, committed after its "after" was measured
// with these weights. Training on it would change the very verdicts that
// "after" reports; it joins sets when the scorer is next retrained, as does
// a development set committed before the retraining that reads it.
// dev18 came after the retraining on the 42 sets was measured; dev19,
// nineteenth and sarcasm19 came in a round that did not retrain it, as did
// dev20, the twentieth and sarcasm20. Training on all nine was tried and
// flagged more of the fixtures' sincere twins (see shipped). dev21 is the
// twenty-first round's held-out development set; the twenty-first set and
// sarcasm21 are its blind sets, committed after their "after". Training on
// all twelve (54 sets) was tried in the next round and flagged more of the
// twins again (see shipped); dev22 is that round's held-out development
// set, the twenty-second set and sarcasm22 its blind sets.
var notTrainedYet = []string{"dev18", "eighteenth", "sarcasm18", "dev19", "nineteenth", "sarcasm19", "dev20", "twentieth", "sarcasm20", "dev21", "twentyfirst", "sarcasm21", "dev22", "twentysecond", "sarcasm22"}

// shipped are the options the weights file is trained with, chosen by the
// held-out measurement (every set left out in turn, pooled, the frames and
// the scorer at the rule's threshold of 0.95) together with the flags on
// real app text, which the held-out sets do not show, and the sincere
// twins of the rule's fixtures (testdata/rules/sarcasm, written to share
// the sarcastic replies' words and never trained on), a held-out measure
// of the hardest negatives. On the twenty-six sets before dev11 joined,
// pooled, precision / recall and false alarms, and app text flagged per
// 1,000 words (en tr az):
//
//	L2      positives  en                tr                az                app text
//	0.001   3          0.98/0.50 fp 19   0.96/0.62 fp 46   0.97/0.65 fp 39
//	0.0003  2          0.98/0.55 fp 27   0.96/0.65 fp 51   0.97/0.67 fp 39
//	0.0003  3          0.97/0.59 fp 33   0.96/0.68 fp 54   0.97/0.70 fp 40   0.00 0.04 0.07
//	0.0001  1.5        0.97/0.59 fp 30   0.96/0.69 fp 52   0.97/0.70 fp 39   0.01 0.03 0.04
//	0.0001  2          0.97/0.61 fp 32   0.96/0.70 fp 56   0.97/0.72 fp 41   0.02 0.04 0.04
//	0.0001  3          0.97/0.63 fp 37   0.96/0.72 fp 58   0.96/0.73 fp 46   0.06 0.04 0.09
//	0.00005 2          0.97/0.63 fp 36   0.96/0.72 fp 59   0.97/0.73 fp 42   0.10 0.06 0.07
//
// A lighter penalty found more at the same precision on the sets but
// flagged three times the fixtures' sincere twins (at 0.0001, 7 to 9 of
// them: "Hiçbir şeyi kaçırmadınız. Harika!", "Tabii ki bizim hatamız, özür
// dileriz."). On all twenty-seven sets:
//
//	L2      positives  en                tr                az                app text   sincere twins flagged
//	0.0003  3          0.97/0.59 fp 35   0.96/0.68 fp 49   0.97/0.70 fp 34   0.01 0.03 0.07   9
//	0.0005  3          0.97/0.56 fp 27   0.96/0.66 fp 48   0.97/0.68 fp 34   0.00 0.03 0.07   4
//	0.0005  2.5        0.97/0.54 fp 25   0.96/0.64 fp 43   0.97/0.67 fp 33   0.00 0.03 0.07
//
// A sincere reply flagged costs most, so the penalty is 0.0005 with
// positives weighed three times (about one message in fifteen is
// sarcastic, the sets hold one in four): a quarter fewer false alarms in
// English at the same precision elsewhere, under half the sincere twins
// flagged, for 2 to 3 fewer sarcastic messages found in a hundred; 2.5
// times lost 2 more for a few false alarms fewer.
//
// On all thirty-two sets, held out and pooled at 0.95 (the frames and the
// scorer), with the unlabelled app text's flags per 1,000 words and the
// fixtures' sincere twins the scorer flags (en tr az):
//
//	features                     L2      en                tr                az                app text          twins
//	stems, pairs, classes        0.0005  0.98/0.55 fp 27   0.96/0.65 fp 51   0.97/0.68 fp 35   0.01 0.04 0.06    4 5 1
//	+ endings, class × shape     0.0005  0.98/0.56 fp 24   0.96/0.67 fp 48   0.98/0.70 fp 35   0.01 0.03 0.06    2 2 3
//	+ pairs one word apart       0.0005  0.98/0.56 fp 20   0.96/0.66 fp 51   0.98/0.70 fp 34   0.01 0.03 0.06    1 2 3
//	+ endings, class × shape     0.0003  0.97/0.59 fp 33   0.96/0.69 fp 53   0.97/0.72 fp 36   0.02 0.03 0.06    5 5 3
//
// A word's endings (e:) carry most of the gain in Turkish and Azerbaijani:
// with the other new kinds read and the endings left out, 699 and 614 of
// 1,983 and 1,960 sarcastic messages are missed, with them 667 and 596.
// Pairs of stems one word apart found nothing more and would cost a
// look-up a word, so they are not read; the lighter penalty finds more but
// flags twice the app text in English and more than twice the twins.
//
// On all thirty-four sets (dev14 and the fourteenth joined), the same way:
//
//	features                     L2      en                tr                az                app text          twins
//	as above                     0.0005  0.98/0.56 fp 23   0.96/0.67 fp 51   0.98/0.70 fp 35                     2 4 3
//	+ denials, class × your ends 0.0005  0.98/0.57 fp 25   0.96/0.66 fp 52   0.98/0.70 fp 33   0.02 0.01 0.06    0 3 4
//
// A cue denied ("you're not to blame", "kabahatiniz yok", "didn't fall
// off") is read as its list's denial, and a cue class with the endings of
// the customer's words in its sentence (cy:); the stems of a short closing
// sentence were tried too and flagged sincere closings ("Impressive,
// right?") for no more found.
//
// On all thirty-six sets (dev15 and the fifteenth joined), held out and
// pooled, the frames and the scorer at 0.95, P / R with false alarms and
// misses (en tr az):
//
//	features                          en                      tr                      az
//	as above                          0.98/0.57 fp 29 fn 912  0.97/0.67 fp 49 fn 711  0.98/0.70 fp 34 fn 636
//	without cy                        0.98/0.57 fp 29 fn 914  0.97/0.67 fp 50 fn 707  0.98/0.70 fp 35 fn 633
//	with cy, a denial read wider (*)  0.98/0.57 fp 27 fn 909  0.97/0.67 fp 51 fn 708  0.98/0.70 fp 33 fn 638
//	without cy, (*)                   0.98/0.57 fp 27 fn 910  0.97/0.67 fp 52 fn 708  0.98/0.70 fp 33 fn 635
//	shipped: with cy, (*), (**)       0.98/0.57 fp 27 fn 909  0.97/0.67 fp 51 fn 709  0.98/0.70 fp 33 fn 638
//	without cy, (*), (**)             0.98/0.57 fp 27 fn 910  0.97/0.67 fp 52 fn 708  0.98/0.70 fp 34 fn 634
//	without cy, (*) + closing word    0.98/0.57 fp 25 fn 906  0.97/0.67 fp 49 fn 707  0.98/0.70 fp 29 fn 629
//	  (l:, le:)
//
// (*): a word of negation with no word of the customer's beside it is
// read as a denial ("hiç arıza çıkmamış": no fault came up), not a slip.
// (**): a closing quote with a case ending after it ("“Ayarlar”dan") opens
// no quotation: it counted as scare quotes on a lower-case letter.
//
// On dev16 and sarcasm16, which no model read, either at 0.95, false
// alarms and misses (en tr az):
//
//	features                dev16                         sarcasm16
//	without cy, (*)         fp 1 fn 38  fp 0 fn 20  fp 0 fn 23  fp 0 fn 104  fp 1 fn 92  fp 1 fn 80
//	shipped                 fp 1 fn 38  fp 1 fn 21  fp 0 fn 23  fp 0 fn 104  fp 1 fn 91  fp 1 fn 79
//
// cy: finds about as much as it misses held out, but without it the
// sincere twins of the fixtures that report what the customer wrote
// ("… diye yazmışsınız; … bir daha konuşacağız") lose the weight of the
// customer's -mIşsInIz beside the cue and pass 0.95: it is read. The closing word's
// stem and endings found 1 to 6 more with fewer false alarms at 0.95 but
// fewer at the best threshold in Turkish (503 missed, not 490), and scored
// the same on dev16 and sarcasm16, which no model read: not read.
//
// With dev16, sarcasm16 and the sixteenth trained on too (39 sets), held
// out and pooled the same way, the 36 older sets count (en tr az):
//
//	sets trained on      en              tr              az
//	36 (as shipped)      fp 27 fn 901    fp 51 fn 707    fp 33 fn 635
//	39                   fp 27 fn 886    fp 51 fn 677    fp 34 fn 610
//
// and the three new ones, each left out, hardly gain from the other two
// (misses of dev16, sarcasm16 and the sixteenth: en 38 103 5 -> 37 103 5,
// tr 19 91 4 -> 19 92 3, az 23 79 5 -> 22 80 4). Two kinds of feature were
// tried on the 39, pooled over all of them:
//
//	features                                   en              tr              az
//	as shipped                                 fp 29 fn 1031   fp 54 fn 791    fp 35 fn 716
//	+ endings in any vowel harmony (h:)        -               fp 57 fn 782    fp 35 fn 711
//	  the same on the customer's words only    -               fp 55 fn 790    fp 36 fn 708
//	+ a cue class in or after the sentence     fp 32 fn 1030   fp 54 fn 795    fp 39 fn 716
//	  of the customer's own verb (ca:)
//
// None keeps the false alarms down in every language: none is read. The
// weights trained on the 39 with the shipped options flag five of the
// fixtures' sincere twins ("You'll be surprised how soft it is.
// Impressive, right?", "Piknikte görevli geç kaldı diye yazmışsınız; …")
// and one more string of real app text in English ("Ask the keyboard not
// to learn from what you type …", 0.955), so the three sets stay in
// notTrainedYet until a retraining keeps those silent; on dev17, which no
// model read, they found 2, 2 and 1 more (0.97/0.60, 0.98/0.70,
// 1.00/0.63, from 0.97/0.57, 0.98/0.67, 1.00/0.62) with no more false
// alarms. At a penalty of 0.0008 one English twin still scores over 0.95,
// and held out on the 39 it misses 78, 70 and 50 more (fp 25 fn 1109, fp
// 53 fn 861, fp 34 fn 766).
//
// Reading as classes of their own the cues the frames read as none of
// their list brings all six of those under 0.95: a feat the frames find no
// feat ("freeze time on your ticket"), a surprise to come or one with a
// noun of ours after it ("komandamız"), a cue inside an instruction to
// retry ("yine deneyin"), a verb of asking in the imperative ("Ask the
// keyboard …") and a slip whose verb is not the customer's ("görevli geç
// kaldı"). Read as the lists' denials ("not misdeed"), they flag two
// sincere twins of a slip denied ("you didn't miss a single class"); as
// classes of their own, one of our own question repeated ("… üçüncü kez
// soruyoruz, lütfen yazın"). Held out on the 39 with the denials' reading,
// the 36 older sets count fp 29 fn 888, fp 48 fn 680, fp 35 fn 598 (en tr
// az; trained on the 39 as is: fp 28 fn 885, fp 51 fn 678, fp 34 fn 608),
// more false alarms in English and Azerbaijani than the 36 shipped: not read.
//
// Shipped since: all 42 sets, with the cues the frames read as none of
// their list read as classes of their own ("none absurd"): a feat that is
// none, a surprise to come or credited to our team, a cue inside a retry,
// a surprise exclaimed in delight (delighted) and enlightenment no
// question taught us (taught); the asking and slip classes were not
// needed. Held out (-heldout -counts), the 36 older sets count (en tr az):
//
//	trained on                   en              tr              az              app text flagged at 0.95
//	36, positives 3 (before)     fp 27 fn 903    fp 51 fn 707    fp 33 fn 633    1 1 0
//	42 + none, positives 3       fp 26 fn 885    fp 51 fn 662    fp 35 fn 572    1 2 1
//	42 + none, L2 0.0006         fp 23 fn 911    fp 50 fn 681    fp 33 fn 592    1 2 1
//	42 + none, positives 2.5     fp 23 fn 902    fp 50 fn 696    fp 32 fn 605    1 1 0
//
// At positives 3 the 42 flag two more strings of app text (-unlabelled on
// the lead's real text, 0.950 and 0.956) and two more false alarms in
// Azerbaijani; at 2.5 neither, the same strings as before, and the
// fixtures' sincere twins flagged fall from 1 2 4 to 1 2 3: shipped.
//
// All 51 sets (the nine of notTrainedYet joined) were tried and not
// shipped. Held out (-heldout -counts, every set left out in turn, the
// frames and the scorer at 0.95), pooled over the 51; for the shipped
// weights, the 42 sets held out and the nine they never read scored as
// they are. With the fixtures' sincere twins the scorer flags and the
// strings of real app text it flags (-unlabelled), en tr az:
//
//	trained on, options          en                       tr                       az                       twins   app text
//	42, shipped (before)         0.98/0.53 fp 30 fn 1542  0.97/0.63 fp 55 fn 1221  0.98/0.66 fp 36 fn 1099  1 2 3   0 0 0
//	51, shipped                  0.98/0.55 fp 34 fn 1481  0.97/0.65 fp 62 fn 1157  0.98/0.68 fp 41 fn 1052  4 7 6   1 0 0
//	51, positives 2              0.99/0.52 fp 24 fn 1562  0.98/0.63 fp 54 fn 1209  0.98/0.66 fp 36 fn 1120  2 4 6
//	51, positives 2, L2 0.0008   0.99/0.49 fp 21 fn 1685  0.97/0.60 fp 50 fn 1325  0.98/0.63 fp 33 fn 1209  1 2 3   0 0 0
//	51, + yw (below)             0.98/0.55 fp 34 fn 1475  0.97/0.65 fp 61 fn 1158  0.98/0.68 fp 40 fn 1044
//	51, + ee (below)             0.98/0.55 fp 34 fn 1483  0.97/0.65 fp 61 fn 1163  0.98/0.68 fp 41 fn 1052
//
// Of the nine alone the 51 find 24, 20 and 19 more (fn 402 324 289 ->
// 378 304 270) and the 42 older sets 37, 44 and 28 more, for 4, 7 and 5
// more false alarms and three to five more sincere twins each ("For the
// sixth time, our garage has been named the most trusted in the county.",
// "Tabii, tek tek de satarız; ustamız bu işi hobi olarak da yapıyor.",
// "Əlbəttə, qiyməti 30 manatdır, ustamız onsuz da hobbi kimi işləyir")
// and one more string of app text ("Ask the keyboard not to learn from
// what you type …", 0.955). Options that keep the twins to the shipped
// count miss more than the shipped weights held out (positives 2, L2
// 0.0008 above, and it flags a twin the shipped weights leave:
// "… hobbi kimi deyil, peşə kimi görürük.", 0.953); heavier options (L2
// 0.001 with positives 2: twins 1 2 2; positives 1.5 with L2 0.0008:
// 1 1 2) were not measured held out, as each heavier step measured
// missed more. The twins flagged at other options: L2
// 0.0008 2 2 5, L2 0.001 1 2 5, min count 3 4 8 6. Two kinds of feature
// were tried: the stem of a word of the customer's (yw:, "unut" of
// "unuttunuz" apart from "unuttuk", its weight looked up once with the
// word's), and the endings of two words in a row (ee:, "-madan
// -mışsınız"); yw: found 6, -1 and 8 more for 0, 1 and 1 fewer false
// alarms, ee: found 2, 6 and 0 fewer, and the two together flag 4 6 7 twins:
// neither is read. -model fm on the 51 at 0.95 finds far more (fn 951 780
// 665) for twice the false alarms (fp 66 114 78) and flags 43, 44 and 44
// twins: its scores crowd near 1, and it was not tried at a threshold of
// its own. The
// nine stay in notTrainedYet until a retraining, or frames that keep
// those twins silent, pass the three gates together.
//
// All 54 sets (the twelve of notTrainedYet joined, dev22 held out) were
// tried the next round, the same way, pooled over the 54 (-explain lists
// what weighs most in a twin flagged):
//
//	trained on, options, threshold  en                       tr                       az                       twins   app text
//	42, shipped, 0.95 (before)      0.98/0.52 fp 34 fn 1683  0.97/0.62 fp 68 fn 1322  0.98/0.67 fp 42 fn 1172  1 2 3   0 0 0
//	54, shipped, 0.95               0.98/0.54 fp 33 fn 1599  0.97/0.64 fp 70 fn 1271  0.98/0.68 fp 48 fn 1119  6 7 7   1 0 0
//	54, shipped, 0.955              0.99/0.53 fp 26 fn 1649  0.97/0.63 fp 66 fn 1307  0.98/0.66 fp 46 fn 1178  5 5 7   1 0 0
//	54, shipped, 0.965 0.965 0.98   0.99/0.50 fp 22 fn 1766  0.97/0.60 fp 58 fn 1396  0.98/0.59 fp 33 fn 1435  1 1 1   0 0 0
//	54, positives 2, L2 0.0008      0.99/0.47 fp 24 fn 1841  0.97/0.59 fp 60 fn 1452  0.98/0.63 fp 41 fn 1302  1 1 3   0 0 0
//	  the same at 0.935             0.98/0.52 fp 29 fn 1697  0.97/0.62 fp 69 fn 1336  0.98/0.66 fp 46 fn 1203  5 5 7   0 0 0
//
// The new twins score 0.950 to 0.980: counts of our own doing ("For the
// fifth time we have won …", "üç kez sorduk", "üç dəfə soruşduq"), a slip
// of the customer's played down kindly ("… kırmışsınız, ufak bir kaza
// diyelim"), "of course" with a particle ("… hobbi kimi …"), "Obviously",
// "Absolutely, we'll …" and quoted praise. A threshold per language (the
// bias moved) keeps them silent only where it finds less than the shipped
// weights; so do the options; a cue class in a sentence of ours with no
// word of the customer's (co:) raised them (twins 5 9 8). Not shipped.
var shipped = logreg.Options{L2: 0.0005, MinCount: 2, Epochs: 400, Rate: 0.5, PositiveWeight: 2.5, Digits: 3}

// trainOptions are the training options; flags change them for an
// experiment, the weights file is written with the shipped ones.
var trainOptions = shipped

var drop = flag.String("drop", "", "kinds of features to leave out: b,p (experiments only)")

var variants = flag.String("drops", "", "with -heldout: run it once for each of these -drop values, separated by semicolons, reading the sets once (experiments only)")

var at = flag.String("thresholds", "", "the thresholds to report, comma-separated, instead of the usual ones (experiments only)")

var extra = flag.Float64("at", 0, "a threshold to report beside the usual ones (experiments only)")

var langs = []lint.Lang{"en", "tr", "az"}

// thresholds are the scores the held-out table reports.
var thresholds = []float64{0.5, 0.7, 0.8, 0.9, 0.95}

func main() {
	write := flag.Bool("write", false, "train on every set and write the weights file")
	heldout := flag.Bool("heldout", false, "leave each set out in turn and report precision and recall on it")
	dev := flag.String("dev", "", "with -heldout: development sets (folders under testdata/quality, comma-separated) to score with the model trained on every set")
	measure := flag.String("measure", "", "report precision and recall on this labelled corpus (jsonl)")
	root := flag.String("root", ".", "the repository's root")
	unlabelled := flag.String("unlabelled", "", "report what the scorer flags per 1,000 words in DIR/<lang>/*.txt, text not written for the rule (messages separated by --- lines): every flag is a false alarm")
	flag.Float64Var(&trainOptions.L2, "l2", trainOptions.L2, "L2 penalty (experiments only)")
	flag.Float64Var(&trainOptions.PositiveWeight, "posweight", trainOptions.PositiveWeight, "weight of a positive (experiments only)")
	flag.IntVar(&trainOptions.MinCount, "mincount", trainOptions.MinCount, "fewest examples a feature needs (experiments only)")
	flag.IntVar(&trainOptions.Epochs, "epochs", trainOptions.Epochs, "passes of gradient descent (experiments only)")
	flag.Float64Var(&trainOptions.Rate, "rate", trainOptions.Rate, "step size (experiments only)")
	flag.Parse()
	if *extra > 0 {
		thresholds = append(thresholds, *extra)
	}
	if *at != "" {
		thresholds = nil
		for _, f := range strings.Split(*at, ",") {
			var th float64
			if _, err := fmt.Sscan(f, &th); err != nil || !(th > 0 && th < 1) {
				fmt.Fprintf(os.Stderr, "sarcasmscorer: -thresholds: %q is not a threshold between 0 and 1\n", f)
				os.Exit(2)
			}
			thresholds = append(thresholds, th)
		}
	}
	if *write && (trainOptions != shipped || *drop != "" || *only != "" || *modelKind != "logreg") {
		fmt.Fprintln(os.Stderr, "sarcasmscorer: the weights file is written with the default training options")
		os.Exit(2)
	}
	var err error
	switch {
	case *write:
		err = writeWeights(*root)
	case *heldout && *variants != "":
		for _, v := range strings.Split(*variants, ";") {
			*drop = v
			fmt.Printf("-drop %q\n", v)
			if err = heldOut(os.Stdout, *root, strings.FieldsFunc(*dev, func(r rune) bool { return r == ',' })); err != nil {
				break
			}
		}
	case *heldout:
		err = heldOut(os.Stdout, *root, strings.FieldsFunc(*dev, func(r rune) bool { return r == ',' }))
	case *unlabelled != "":
		err = flagsOn(os.Stdout, *root, *unlabelled)
	case *measure != "":
		err = measureOn(os.Stdout, *root, *measure)
	case *fixturesFlag:
		err = onFixtures(os.Stdout, *root)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sarcasmscorer:", err)
		os.Exit(2)
	}
}

// item is one labelled message with its features.
type item struct {
	msg      *lint.Message
	features []logreg.Feature
	positive bool
	// framed: the rule's frames flag it. They do not depend on the
	// scorer's training, so each message is checked once a run.
	framed bool
}

// readSet reads a labelled jsonl file: its messages, with features, by
// language.
func readSet(path string) (map[lint.Lang][]item, error) {
	readMu.Lock()
	defer readMu.Unlock()
	if got, ok := readCache[path]; ok {
		return got, nil
	}
	got, err := readSetAnew(path)
	if err == nil {
		readCache[path] = got
	}
	return got, err
}

// readCache keeps each set read, so that one run measuring several
// variants (-drops) reads and checks each message once.
var (
	readMu    sync.Mutex
	readCache = map[string]map[lint.Lang][]item{}
)

func readSetAnew(path string) (map[lint.Lang][]item, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	msgs, err := load.Options{}.File(path, data)
	if err != nil {
		return nil, err
	}
	var labels [][]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var e struct {
			Labels []string `json:"labels"`
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		labels = append(labels, e.Labels)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if len(labels) != len(msgs) {
		return nil, fmt.Errorf("%s: %d lines but %d messages", path, len(labels), len(msgs))
	}
	check, err := frames()
	if err != nil {
		return nil, err
	}
	out := map[lint.Lang][]item{}
	for i, m := range msgs {
		out[m.Lang] = append(out[m.Lang], item{msg: m, features: rules.SarcasmFeatures(m), positive: slices.Contains(labels[i], "sarcasm"),
			framed: flags(check, m)})
	}
	return out, nil
}

// readSets reads every training set of one language, in the order of sets.
func readSets(root string, l lint.Lang) ([][]item, error) {
	var out [][]item
	for _, s := range sets {
		got, err := readSet(filepath.Join(root, "testdata", "quality", s.dir, string(l)+".jsonl"))
		if err != nil {
			return nil, err
		}
		out = append(out, got[l])
	}
	return out, nil
}

// train fits the scorer -model names to items.
func train(items []item) scorer {
	if *modelKind == "net" || *modelKind == "fm" {
		return trainNetwork(examples(items), trainOptions)
	}
	return trainLinear(items)
}

func trainLinear(items []item) *logreg.Model { return logreg.Train(examples(items), trainOptions) }

func examples(items []item) []logreg.Example {
	ex := make([]logreg.Example, len(items))
	for i, it := range items {
		fs := it.features
		if *drop != "" {
			fs = slices.DeleteFunc(slices.Clone(fs), func(f logreg.Feature) bool {
				return slices.Contains(strings.Split(*drop, ","), rules.SarcasmFeatureKind(f))
			})
		}
		ex[i] = logreg.Example{Features: fs, Positive: it.positive}
	}
	return ex
}

// weightsFiles trains each language on all its sets: its weights file's
// bytes, by language.
func weightsFiles(root string) (map[lint.Lang][]byte, error) {
	out := map[lint.Lang][]byte{}
	for _, l := range langs {
		byset, err := readSets(root, l)
		if err != nil {
			return nil, err
		}
		if out[l], err = trainLinear(slices.Concat(byset...)).MarshalBinary(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// writeWeights trains every language and writes its weights file.
func writeWeights(root string) error {
	files, err := weightsFiles(root)
	if err != nil {
		return err
	}
	for _, l := range langs {
		if err := os.WriteFile(filepath.Join(root, "rules", rules.SarcasmScorerFile(l)), files[l], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// count is a confusion count.
type count struct{ tp, fp, fn int }

func (c *count) add(want, got bool) {
	switch {
	case want && got:
		c.tp++
	case got:
		c.fp++
	case want:
		c.fn++
	}
}

func (c count) String() string {
	if *counts {
		return fmt.Sprintf("%s / %s fp %d fn %d", ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn), c.fp, c.fn)
	}
	return fmt.Sprintf("%s / %s", ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn))
}

var counts = flag.Bool("counts", false, "report false alarms beside precision and recall (experiments only)")

func ratio(a, b int) string {
	if b == 0 {
		return "  - "
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

// frames is the sarcasm rule with its scorer off.
func frames() (lint.Check, error) {
	var node yaml.Node
	if err := yaml.Unmarshal([]byte("scorer: {enabled: false}"), &node); err != nil {
		return nil, err
	}
	return rules.Sarcasm.New(&node)
}

func flags(check lint.Check, m *lint.Message) bool {
	got := false
	check(lint.NewPass(m, func(lint.Diagnostic) { got = true }))
	return got
}

// tally scores items with a model: frames alone, the scorer alone and
// either, at each threshold.
type tally struct {
	frames         count
	scorer, either []count
}

func newTally() *tally {
	return &tally{scorer: make([]count, len(thresholds)), either: make([]count, len(thresholds))}
}

func (t *tally) add(model scorer, items []item) {
	for _, it := range items {
		f := it.framed
		t.frames.add(it.positive, f)
		p := logreg.Probability(model.Logit(it.features))
		for k, th := range thresholds {
			t.scorer[k].add(it.positive, p >= th)
			t.either[k].add(it.positive, f || p >= th)
		}
	}
}

func header(w io.Writer) {
	fmt.Fprint(w, "lang\tset\tframes P / R\t")
	for _, th := range thresholds {
		fmt.Fprintf(w, "scorer≥%.2f\t", th)
	}
	for _, th := range thresholds {
		fmt.Fprintf(w, "either≥%.2f\t", th)
	}
	fmt.Fprintln(w)
}

func (t *tally) row(w io.Writer, l lint.Lang, set string) {
	fmt.Fprintf(w, "%s\t%s\t%v\t", l, set, t.frames)
	for _, c := range t.scorer {
		fmt.Fprintf(w, "%v\t", c)
	}
	for _, c := range t.either {
		fmt.Fprintf(w, "%v\t", c)
	}
	fmt.Fprintln(w)
}

// heldOut trains on all sets but one and scores the one left out, for each
// set and language; "all" pools the held-out scores. Each development set
// (a folder under testdata/quality in no training set) is then scored by
// the model trained on every set, which never saw it. The models are
// trained side by side, one a processor: each is a few seconds' work.
func heldOut(w io.Writer, root string, dev []string) error {
	best := map[lint.Lang]operatingPoint{}
	devBest := map[lint.Lang][]operatingPoint{}
	operating := map[lint.Lang]string{}
	defer func() {
		for _, l := range langs {
			fmt.Fprint(w, operating[l])
		}
		if !*showBest {
			return
		}
		for _, l := range langs {
			fmt.Fprintf(w, "%s best pooled either: %v", l, best[l])
			for k, d := range dev {
				fmt.Fprintf(w, "; %s at it: %v", d, devBest[l][k])
			}
			fmt.Fprintln(w)
		}
	}()
	return perLanguage(w, root, func(tw io.Writer, l lint.Lang, byset [][]item) error {
		devSets := make([][]item, len(dev))
		for k, d := range dev {
			got, err := readSet(filepath.Join(root, "testdata", "quality", d, string(l)+".jsonl"))
			if err != nil {
				return err
			}
			devSets[k] = got[l]
		}
		// Model k leaves set k out; the last is trained on every set.
		models := make([]scorer, len(sets)+1)
		var others [][][]item
		if *cross {
			for _, o := range langs {
				if o != l {
					b, err := readSets(root, o)
					if err != nil {
						return err
					}
					others = append(others, b)
				}
			}
		}
		inParallel(len(models), func(k int) {
			if k < len(sets) && !training(k) {
				return // scored by the last model
			}
			var rest []item
			for j := range byset {
				if j != k && training(j) {
					rest = append(rest, byset[j]...)
					for _, o := range others {
						rest = append(rest, o[j]...)
					}
				}
			}
			models[k] = train(rest)
		})
		pooled := newTally()
		var scored []scoredItem
		for k, s := range sets {
			model := models[k]
			if !training(k) {
				model = models[len(sets)]
			}
			t := newTally()
			t.add(model, byset[k])
			pooled.add(model, byset[k])
			t.row(tw, l, s.name)
			scored = appendScored(scored, model, byset[k])
		}
		pooled.row(tw, l, "all")
		best[l] = bestThreshold(scored)
		if *operateDir != "" {
			read, words, err := unlabelled(*operateDir, l, models[len(sets)])
			if err != nil {
				return err
			}
			alarms := make([]float64, len(read))
			for k, m := range read {
				alarms[k] = m.logit
			}
			devScored := make([][]scoredItem, len(dev))
			for k := range dev {
				devScored[k] = appendScored(nil, models[len(sets)], devSets[k])
			}
			var b strings.Builder
			operatingReport(&b, l, scored, alarms, words, dev, devScored)
			operating[l] = b.String()
		}
		for k, d := range dev {
			t := newTally()
			t.add(models[len(sets)], devSets[k])
			t.row(tw, l, d)
			if *showBest {
				devBest[l] = append(devBest[l], atThreshold(appendScored(nil, models[len(sets)], devSets[k]), best[l].threshold))
			}
		}
		return nil
	})
}

var only = flag.String("sets", "", "with -heldout: train on these sets only (names, comma-separated), each left out in turn; every other set is scored by the model trained on all of them (experiments only)")

// training reports whether set k is trained on: with -sets, only those
// named.
func training(k int) bool {
	return *only == "" || slices.Contains(strings.Split(*only, ","), sets[k].name)
}

// trainedOn is the items of the sets trained on (-sets), given every set's.
func trainedOn(byset [][]item) []item {
	var out []item
	for k, items := range byset {
		if training(k) {
			out = append(out, items...)
		}
	}
	return out
}

var cross = flag.Bool("cross", false, "with -heldout: train each language on the other languages' sets too (experiments only)")

var showBest = flag.Bool("best", false, "with -heldout: the threshold with the most pooled recall at precision 0.95 or more (experiments only)")

type scoredItem struct {
	p              float64
	framed, wanted bool
}

func appendScored(out []scoredItem, model scorer, items []item) []scoredItem {
	for _, it := range items {
		out = append(out, scoredItem{logreg.Probability(model.Logit(it.features)), it.framed, it.positive})
	}
	return out
}

// operatingPoint is the frames and scorer together at a threshold.
type operatingPoint struct {
	threshold float64
	c         count
}

func (o operatingPoint) String() string {
	return fmt.Sprintf("≥%.3f %v (tp %d fp %d fn %d)", o.threshold, o.c, o.c.tp, o.c.fp, o.c.fn)
}

func atThreshold(items []scoredItem, th float64) operatingPoint {
	o := operatingPoint{threshold: th}
	for _, it := range items {
		o.c.add(it.wanted, it.framed || it.p >= th)
	}
	return o
}

// bestThreshold is the threshold of most recall at precision 0.95 or more.
func bestThreshold(items []scoredItem) operatingPoint {
	var best operatingPoint
	for th := 0.5; th < 0.9995; th += 0.001 {
		o := atThreshold(items, th)
		if o.c.tp*100 >= 95*(o.c.tp+o.c.fp) && o.c.tp > best.c.tp {
			best = o
		}
	}
	return best
}

// inParallel calls f(0) to f(n-1), as many at once as the program may run
// threads.
func inParallel(n int, f func(k int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				f(k)
			}
		}()
	}
	for k := range n {
		next <- k
	}
	close(next)
	wg.Wait()
}

// measureOn trains on every set and scores a labelled corpus.
func measureOn(w io.Writer, root, path string) error {
	corpus, err := readSet(path)
	if err != nil {
		return err
	}
	return perLanguage(w, root, func(tw io.Writer, l lint.Lang, byset [][]item) error {
		t := newTally()
		t.add(train(trainedOn(byset)), corpus[l])
		t.row(tw, l, filepath.Base(path))
		return nil
	})
}

// flagsOn trains on every set and counts the messages of unlabelled text
// the scorer alone would flag (the frames silent, no confirmation asked),
// per 1,000 words, at each threshold; -v lists those at the highest.
func flagsOn(w io.Writer, root, dir string) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "lang\twords\t")
	for _, th := range thresholds {
		fmt.Fprintf(tw, "scorer≥%.2f\t", th)
	}
	fmt.Fprintln(tw)
	var listed []string
	for _, l := range langs {
		byset, err := readSets(root, l)
		if err != nil {
			return err
		}
		read, words, err := unlabelled(dir, l, train(trainedOn(byset)))
		if err != nil {
			return err
		}
		flagged := make([]int, len(thresholds))
		for _, m := range read {
			p := logreg.Probability(m.logit)
			for k, th := range thresholds {
				if p >= th {
					flagged[k]++
				}
			}
			if p >= thresholds[len(thresholds)-1] {
				listed = append(listed, fmt.Sprintf("%s %.3f %q", l, p, m.text))
			}
		}
		fmt.Fprintf(tw, "%s\t%d\t", l, words)
		for _, n := range flagged {
			fmt.Fprintf(tw, "%.2f\t", 1000*float64(n)/float64(max(words, 1)))
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if *verbose {
		for _, s := range listed {
			fmt.Fprintln(w, s)
		}
	}
	return nil
}

var verbose = flag.Bool("v", false, "with -unlabelled: list the messages flagged at the highest threshold")

// perLanguage writes a table with rows from each language's sets, by set.
func perLanguage(w io.Writer, root string, rows func(tw io.Writer, l lint.Lang, byset [][]item) error) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	header(tw)
	for _, l := range langs {
		byset, err := readSets(root, l)
		if err != nil {
			return err
		}
		if err := rows(tw, l, byset); err != nil {
			return err
		}
	}
	return tw.Flush()
}
