-- 040_hint_words.sql: the rules of an ID number and of a phone number in
-- words that read as a rule (issue 12): since 036 a field's rules are its
-- hint when the field is entered (src/screens/formhint.c), and "身份证号
-- 无效" on an ID field nothing has been typed in yet reads as an
-- accusation. The same words still serve as the refusal. Data only.

UPDATE eduaid.message
   SET zh = '身份证号须为18位：6位地区码、8位出生日期、3位顺序码和1位校验码（数字或X）。',
       en = 'An ID number has 18 characters: area, birth date, sequence, check digit or X.'
 WHERE zh = '身份证号无效（格式、出生日期或校验位）。';

UPDATE eduaid.message
   SET zh = '电话号码须为11位手机号码，或区号加座机号码。',
       en = 'A phone number is an 11-digit mobile number, or an area code and a landline number.'
 WHERE zh = '电话号码无效：手机11位，或区号加座机号码。';
