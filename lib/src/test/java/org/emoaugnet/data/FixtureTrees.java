package org.emoaugnet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaugnet.Fixtures;

/** Generates miniature corpus trees in each documented layout. */
final class FixtureTrees {
    private FixtureTrees() {}

    /** RAVDESS: {@code actors} actors × every emotion × intensities × 1 statement × 1 repetition. */
    static Path ravdess(Path root, int actors) throws IOException {
        int seed = 0;
        for (int a = 1; a <= actors; a++)
            for (int e = 1; e <= 8; e++)
                for (int in = 1; in <= (e == 1 ? 1 : 2); in++)
                    Fixtures.wav(root.resolve(String.format("Actor_%02d/03-01-%02d-%02d-01-01-%02d.wav", a, e, in, a)), 16000, 0.2, seed++);
        return root;
    }

    static Path emodb(Path root, boolean twoSecond) throws IOException {
        String[] names = {"03a01Wa", "03a02Fc", "08b01Lb", "08a05Ea", "10a07Ab", "11b03Td", "13a04Na", "16b10Wb"};
        int i = 0;
        for (String n : names) Fixtures.wav(root.resolve("wav/" + n + ".wav"), 22050, twoSecond ? 2.0 : 1.0 + 0.1 * i, i++);
        return root;
    }

    static Path iemocap(Path root) throws IOException {
        for (int s = 1; s <= 2; s++) {
            String ses = "Ses0" + s;
            String dialog = ses + "F_impro01";
            String scripted = ses + "M_script01_1";
            Path eval = Files.createDirectories(root.resolve("Session" + s + "/dialog/EmoEvaluation"));
            Files.createDirectories(eval.resolve("Categorical"));
            Files.writeString(eval.resolve(dialog + ".txt"), String.join("\n",
                    "% [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]", "",
                    "[6.2901 - 8.2357]\t" + dialog + "_F000\tneu\t[2.5000, 2.5000, 2.5000]",
                    "C-E2:\tNeutral state;\t()", "C-E3:\tNeutral state;\t()", "C-E4:\tNeutral state;\tFrustration;\t()",
                    "C-F1:\tNeutral state;\t()", "A-E3:\tval 3; act 2; dom  2;\t()", "",
                    "[10.0100 - 11.3925]\t" + dialog + "_M000\texc\t[3.5000, 3.5000, 3.0000]",
                    "C-E2:\tHappiness;\t()", "C-E3:\tExcited;\t()", "C-E4:\tExcited;\t()", "",
                    "[14.0 - 15.0]\t" + dialog + "_F001\txxx\t[2.0, 2.0, 2.0]",
                    "C-E2:\tAnger;\t()", "C-E3:\tSadness;\t()", ""));
            Files.writeString(eval.resolve(scripted + ".txt"), String.join("\n",
                    "[1.0 - 2.5]\t" + scripted + "_F000\tang\t[1.5, 4.0, 4.0]",
                    "C-E1:\tAnger;\t()", "C-E2:\tAnger;\tFrustration;\t()", "",
                    "[3.0 - 4.0]\t" + scripted + "_M000\tsad\t[1.5, 1.5, 2.0]",
                    "C-E1:\tSadness;\t()", "C-E2:\tNeutral state;\t()", ""));
            int seed = 0;
            for (String u : new String[] {dialog + "_F000", dialog + "_M000", dialog + "_F001"})
                Fixtures.wav(root.resolve("Session" + s + "/sentences/wav/" + dialog + "/" + u + ".wav"), 16000, 0.3, seed++);
            for (String u : new String[] {scripted + "_F000", scripted + "_M000"})
                Fixtures.wav(root.resolve("Session" + s + "/sentences/wav/" + scripted + "/" + u + ".wav"), 16000, 0.3, seed++);
        }
        return root;
    }

    static Path saveeFlat(Path root) throws IOException {
        int i = 0;
        for (String n : new String[] {"DC_a01", "DC_sa02", "JE_su03", "JK_n01", "KL_h15"})
            Fixtures.wav(root.resolve(n + ".wav"), 44100, 0.2, i++);
        return root;
    }

    static Path saveeNested(Path root) throws IOException {
        int i = 0;
        for (String n : new String[] {"DC/a01", "DC/d02", "JE/f03", "KL/sa01"}) Fixtures.wav(root.resolve(n + ".wav"), 44100, 0.2, i++);
        return root;
    }

    /** URDU: the authors' layout, emotion folders of SGX_FXX_EYY.wav; one speaker (SM3) in three emotions, as in the corpus. */
    static Path urdu(Path root) throws IOException {
        int i = 0;
        for (String n : new String[] {"Angry/SM1_F1_A01", "Angry/SM3_F1_A051", "Happy/SF1_F10_H010", "Happy/SM3_F1_H053", "Neutral/SM3_F1_N021",
                "Neutral/SM5_F72_N0100", "Sad/SF10_F1_S01", "Sad/SM25_F2_S044"})
            Fixtures.wav(root.resolve(n + ".wav"), 44100, 0.2, i++);
        return root;
    }

    static Path tess(Path root) throws IOException {
        int i = 0;
        for (String n : new String[] {"OAF_angry/OAF_back_angry", "OAF_Pleasant_surprise/OAF_bar_ps", "YAF_sad/YAF_bath_sad", "YAF_neutral/YAF_bean_neutral"})
            Fixtures.wav(root.resolve(n + ".wav"), 24414, 0.2, i++);
        return root;
    }

    static Path cremad(Path root) throws IOException {
        int i = 0;
        for (String n : new String[] {"1001_DFA_ANG_XX", "1001_IEO_HAP_HI", "1002_TIE_SAD_LO", "1003_ITS_NEU_XX"})
            Fixtures.wav(root.resolve("AudioWAV/" + n + ".wav"), 16000, 0.2, i++);
        Files.writeString(root.resolve("VideoDemographics.csv"), "ActorID,Age,Sex,Race,Ethnicity\n1001,51,Male,Caucasian,Not Hispanic\n1002,21,Female,Caucasian,Not Hispanic\n");
        return root;
    }
}
