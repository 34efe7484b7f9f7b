// Passwords of 12 characters or more (shorter ones fail the length rule anyway) that
// top the public breach corpora (RockYou, the NCSC top 100k, Have I Been Pwned) and
// their French and AZERTY counterparts. Server-side only, so browsers do not download it;
// kept short all the same: a handler that wants the full corpora passes its own check
// (`isCommonPassword`, e.g. a k-anonymous Pwned Passwords range query). Lower-case: the
// check is case-insensitive.
const LIST =
  '123456789012 1234567890123 12345678901234 123456789123 1234567891011 123456789101 ' +
  '012345678910 0123456789012 123456789987 123456789987654321 987654321012 098765432112 ' +
  '112233445566 1122334455667788 147258369147 123654789123 741852963741 123456123456789 ' +
  'qwertyuiop12 qwertyuiop123 qwertyuiop1234 qwertyuiopasdf qwertyuiopasdfghjkl ' +
  'qwertyuiopasdfghjklzxcvbnm qwerty123456 qwerty1234567 qwerty12345678 qwerty123456789 ' +
  '1qaz2wsx3edc 1qaz2wsx3edc4rfv qazwsxedcrfv qazwsxedcrfvtgb 1qazxsw23edc ' +
  '1q2w3e4r5t6y 1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8i 1q2w3e4r5t6y7u8i9o0p q1w2e3r4t5y6 ' +
  'zaq12wsxcde3 zxcvbnm12345 zxcvbnm123456 asdfghjkl123 asdfghjkl1234 ' +
  '1234qwerasdf 1234qwerasdfzxcv qweasdzxc123 123qweasdzxc ' +
  'azertyuiop12 azertyuiop123 azertyuiop1234 azertyuiopqsdf azertyuiopqsdfghjklm ' +
  'azerty123456 azerty1234567 azerty12345678 azerty123456789 1a2z3e4r5t6y a1z2e3r4t5y6 ' +
  'password1234 password12345 password123456 password1234567 password123456789 ' +
  'password123! password1234! password@123 password2023 password2024 password2025 ' +
  'passwordpassword p@ssw0rd1234 p@ssword1234 passw0rd1234 p4ssw0rd1234 mypassword123 ' +
  'mypassword1234 newpassword1 newpassword123 changeme1234 changeme12345 changeme123! ' +
  'letmein12345 letmein123456 welcome12345 welcome123456 welcome@1234 ' +
  'iloveyou1234 iloveyou12345 iloveyou123456 iloveyouforever iloveyousomuch sunshine1234 ' +
  'football1234 baseball1234 superman1234 princess1234 starwars1234 whatever1234 ' +
  'administrator administrator1 admin1234567 admin12345678 admin123456789 adminadmin123 ' +
  'monkey123456 dragon123456 master123456 secret123456 ' +
  'abcdefghijkl abcdefghijklm abcdefghijklmn abcdefghijklmnop abcdefghijklmnopqrstuvwxyz ' +
  'abcdefgh1234 abcd12345678 abcdef123456 abc123456789 a1b2c3d4e5f6 a1b2c3d4e5f6g7h8 ' +
  '1a2b3c4d5e6f correcthorsebatterystaple ' +
  'motdepasse12 motdepasse123 motdepasse1234 motdepasse12345 motdepasse123! ' +
  'motdepasse2023 motdepasse2024 motdepasse2025 monmotdepasse monmotdepasse1 ' +
  'monmotdepasse123 nouveaumotdepasse motdepassemotdepasse bonjour12345 bonjour123456 ' +
  'bienvenue123 bienvenue1234 bienvenue2024 soleil123456 jetaime12345 jetaime123456 ' +
  'jetaimemonamour doudou123456 chouchou1234 marseille123 marseille1234 ' +
  'entreprise123 entreprise1234 societe12345 company12345 company123456';

let set: ReadonlySet<string> | undefined;

/**
 * Whether `v`, lower-cased, is on the built-in list of the most common passwords. The handler
 * applies it by default; pass it to `validateSubmission` / `checkPassword` to check elsewhere.
 */
export function isCommonPassword(v: string): boolean {
  set ??= new Set(LIST.split(' '));
  return set.has(v.toLowerCase());
}
