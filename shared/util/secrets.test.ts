import { describe, expect, it } from 'vitest';
import { findSecrets, maskSecrets, SECRET_MASK } from './secrets';

const pem = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

describe('findSecrets / maskSecrets: positive cases', () => {
  it.each([
    ['password=Passw0rd!', 'password=' + SECRET_MASK],
    ['登录信息 pwd: root123 请勿外传', '登录信息 pwd: ' + SECRET_MASK + ' 请勿外传'],
    ['管理员密码：Admin@2026，已告知', '管理员密码：' + SECRET_MASK + '，已告知'],
    ['PASSWORD = "s3cr3t value"', 'PASSWORD = "' + SECRET_MASK + '"'],
    [
      'Server=db1;Database=core;User Id=sa;Password=Xy9#kk;',
      'Server=db1;Database=core;User Id=sa;Password=' + SECRET_MASK + ';',
    ],
    ['mysql://app:S3cret@10.1.2.3:3306/core', 'mysql://app:' + SECRET_MASK + '@10.1.2.3:3306/core'],
    ['Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345', 'Authorization: Bearer ' + SECRET_MASK],
    ['api_key=9f8e7d6c5b4a3210', 'api_key=' + SECRET_MASK],
    ['key id AKIAIOSFODNN7EXAMPLE found', 'key id ' + SECRET_MASK + ' found'],
    ['"password": "Abc12345"', '"password": "' + SECRET_MASK + '"'],
    ["db_password: 'Abc12345'", "db_password: '" + SECRET_MASK + "'"],
    ['redis://:Abc12345@10.0.0.1:6379', 'redis://:' + SECRET_MASK + '@10.0.0.1:6379'],
    ['mysql -h 10.0.0.5 -uroot -pAbc12345 core', 'mysql -h 10.0.0.5 -uroot -p' + SECRET_MASK + ' core'],
    ['sshpass -p Abc12345 ssh root@10.0.0.9', 'sshpass -p ' + SECRET_MASK + ' ssh root@10.0.0.9'],
    ['user=admin pw=Xk9!mz', 'user=admin pw=' + SECRET_MASK],
  ])('%s', (text, masked) => {
    expect(findSecrets(text).length).toBeGreaterThan(0);
    expect(maskSecrets(text)).toBe(masked);
  });

  it('masks the body of a private key block and keeps its header lines', () => {
    const text = `key below\n${pem}\nend`;
    const masked = maskSecrets(text);
    expect(findSecrets(text)).toHaveLength(1);
    expect(findSecrets(text)[0].kind).toBe('private-key');
    expect(masked).toContain('-----BEGIN RSA PRIVATE KEY-----');
    expect(masked).toContain('-----END RSA PRIVATE KEY-----');
    expect(masked).not.toContain('MIIEowIBAAKCAQEA');
    expect(masked).toContain(SECRET_MASK);
  });

  describe('inside Chinese text: the secret goes, the sentence around it stays', () => {
    it.each([
      ['登录密码为password=Abc12345请勿外传', '登录密码为password=' + SECRET_MASK + '请勿外传'],
      ['管理员密码：Admin@2026（已告知客户）', '管理员密码：' + SECRET_MASK + '（已告知客户）'],
      ['root 的 pwd=Abc12345。随后重启服务', 'root 的 pwd=' + SECRET_MASK + '。随后重启服务'],
      ['堡垒机账号 admin，密码是 Qw3rty!9，请尽快修改', '堡垒机账号 admin，密码是 ' + SECRET_MASK + '，请尽快修改'],
      ['临时口令为Tmp#2026、有效期一天', '临时口令为' + SECRET_MASK + '、有效期一天'],
      [
        '数据库连接 jdbc:mysql://app:Abc12345@10.0.0.5:3306/core 报错',
        '数据库连接 jdbc:mysql://app:' + SECRET_MASK + '@10.0.0.5:3306/core 报错',
      ],
      ['令牌：ghp_abcdefghijklmnopqrstuvwxyz0123456789，已吊销', '令牌：' + SECRET_MASK + '，已吊销'],
    ])('%s', (text, masked) => {
      expect(maskSecrets(text)).toBe(masked);
    });

    it('replaces exactly the value, wherever the same characters occur before it', () => {
      // The password "1" also ends the user name: only the one between ':' and '@' goes.
      const text = 'ftp://u1:abc@h1 与 ftp://u1:1@h1';
      const hits = findSecrets(text);
      expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['abc', '1']);
      expect(maskSecrets(text)).toBe(`ftp://u1:${SECRET_MASK}@h1 与 ftp://u1:${SECRET_MASK}@h1`);
    });
  });

  it('masks every secret of a text, and masking twice changes nothing more', () => {
    const text = 'pwd: aaa111 and password=bbb222 via ftp://u:ccc333@h';
    const once = maskSecrets(text);
    expect(once).not.toMatch(/aaa111|bbb222|ccc333/);
    expect(findSecrets(once)).toEqual([]);
    expect(maskSecrets(once)).toBe(once);
  });
});

describe('findSecrets: negative cases', () => {
  it.each([
    'the password expired yesterday; user reset it',
    '重置密码后用户登录正常',
    '密码：已通知用户自行修改',
    'password: ******',
    'see https://kb.example.com/path?id=3 for details',
    'ssh admin@10.0.0.1 then check token bucket size',
    'passed: 12 of 12 checks',
    'Bearer token was missing from the request',
    '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
    'token: expired',
    // Chinese sentences about passwords that hold none.
    '密码：密码复杂度不足，需包含大小写字母',
    '请修改 password 策略：长度≥8',
    'password: 8位以上，三个月更换',
    '密码为空时无法登录',
    // Variables, references and placeholders name a secret without holding it.
    'PWD=/home/oracle',
    'echo $PWD: /root/scripts',
    'passwd=$(cat /run/secrets/db)',
    'export DB_PASS=${VAULT_DB_PASS}',
    'password=<your password>',
    'api_key: {{ vault.api_key }}',
    // Words that contain a label, and results that use one.
    'bypass: 2 nodes',
    'pass: 3/3',
    'Pass=Fail ratio 0.1%',
    'passed=100 failed=0',
    'set password to expire in 90 days',
    'postgres://app@10.0.0.5/core',
  ])('%s', (text) => {
    expect(findSecrets(text)).toEqual([]);
    expect(maskSecrets(text)).toBe(text);
  });
});
